package dev.maigw.gateway.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Shell commands for one message, to copy: fetch its exact bytes from the API, and post those bytes
 * to the webhook again (piped, so the body stays byte-exact whatever it holds). The API key is left
 * to a variable: it is never written into a page.
 *
 * @param fetch prints the raw body
 * @param repost posts the raw body to the webhook endpoint
 */
public record CurlCommands(String fetch, String repost) {

  static CurlCommands of(String baseUrl, String webhookPath, String messageId) {
    String id = URLEncoder.encode(messageId, StandardCharsets.UTF_8).replace("+", "%20");
    String fetch =
        "curl -s -H \"Authorization: Bearer $MAIGW_API_KEY\" "
            + Display.shellQuoted(baseUrl + "/api/messages/" + id + "/raw");
    String repost =
        fetch
            + " | curl -s -X POST -H 'Content-Type: application/json' --data-binary @- "
            + Display.shellQuoted(baseUrl + webhookPath);
    return new CurlCommands(fetch, repost);
  }
}
