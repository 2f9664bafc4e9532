package dev.maigw.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.launchdarkly.eventsource.MessageEvent;
import dev.maigw.gateway.support.RunningGateway;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bodies with line breaks of every kind reach a real SSE client as whole events whose data is the
 * stored message: pretty-printed webhooks used to end the event's data after its first line.
 */
class StreamFramingTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Line separators the pretty-printed bodies use, each a case an SSE parser splits on. */
  private static final Map<String, String> SEPARATORS =
      Map.of(
          "lf", "\n",
          "crlf", "\r\n",
          "cr", "\r",
          "blank-lines", "\n\n\n",
          "blank-crlf-lines", "\r\n\r\n",
          "mixed", "\r\n\n\r");

  @Test
  void everyEventReachesARealClientWithTheStoredMessageWhateverLineBreaksTheBodyHolds()
      throws Exception {
    try (RunningGateway gateway = RunningGateway.start()) {
      Map<String, byte[]> bodies = new LinkedHashMap<>();
      SEPARATORS.forEach(
          (name, newline) ->
              bodies.put("frame-" + name, prettyReply("frame-" + name, newline, "one\\ntwo")));
      bodies.put("frame-u2028", prettyReply("frame-u2028", "\n", "a\u2028b\u2029c \\r\\n data: x"));
      for (byte[] body : bodies.values()) {
        assertThat(gateway.postWebhook(body).statusCode()).isEqualTo(200);
      }

      List<MessageEvent> events;
      try (EventSourceClient client = EventSourceClient.open(gateway, "", null)) {
        events = client.read(bodies.size());
      }

      List<String> ids = List.copyOf(bodies.keySet());
      for (int i = 0; i < ids.size(); i++) {
        assertCarries(events.get(i), bodies.get(ids.get(i)), ids.get(i));
      }
    }
  }

  private static void assertCarries(MessageEvent event, byte[] stored, String messageId)
      throws Exception {
    assertThat(event.getEventName()).isEqualTo("message");
    String data = event.getData();
    JsonNode view = JSON.readTree(data);
    String storedText = new String(stored, StandardCharsets.UTF_8);
    assertThat(view.get("id").asString()).isEqualTo(messageId);
    assertThat(view.get("cursor").asString()).isEqualTo(event.getLastEventId());
    assertThat(view.get("conversation").asString()).isEqualTo("conv-frame");
    assertThat(view.get("content").asString())
        .isEqualTo(JSON.readTree(storedText).get("content").asString());
    assertThat(view.get("bodySha256").asString())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored)));
    assertThat(view.get("body")).isEqualTo(JSON.readTree(storedText));
    // The body is embedded verbatim, last; SSE carries line breaks inside data as LF, so that is
    // the one change a CR or CRLF undergoes.
    String embedded = data.substring(data.indexOf(",\"body\":") + 8, data.length() - 1);
    assertThat(embedded).isEqualTo(storedText.replace("\r\n", "\n").replace('\r', '\n'));
  }

  /** A valid reply, pretty-printed with {@code newline} between its lines. */
  private static byte[] prettyReply(String id, String newline, String content) {
    String text =
        String.join(
            newline,
            "{",
            "  \"id\": \"" + id + "\",",
            "  \"conversation\": \"conv-frame\",",
            "  \"sender\": {",
            "    \"id\": 1042,",
            "    \"name\": \"客服小幫手\"",
            "  },",
            "  \"type\": \"outgoing\",",
            "  \"content\": \"" + content + "\",",
            "  \"createdAt\": \"1747723272345\",",
            "  \"attachments\": [],",
            "  \"citations\": []",
            "}");
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
