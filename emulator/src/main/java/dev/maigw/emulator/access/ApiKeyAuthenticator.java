package dev.maigw.emulator.access;

import dev.maigw.emulator.system.HttpProblemException;
import dev.maigw.emulator.system.Json;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks {@code Authorization: Api-Key <key>} the way MaiAgent documents it: a missing header or a
 * wrong key answers 401 "Authentication credentials were not provided."; a header that is not
 * {@code Api-Key <alphanumeric key>} answers 401 "Invalid API key format.".
 */
public final class ApiKeyAuthenticator {
  public static final String NOT_PROVIDED = "Authentication credentials were not provided.";
  public static final String INVALID_FORMAT = "Invalid API key format.";

  /** Alphanumeric; hyphen and underscore tolerated so that keys like "emulator-key" are valid. */
  private static final Pattern KEY_FORMAT = Pattern.compile("[A-Za-z0-9_-]+");

  private final String apiKey;

  public ApiKeyAuthenticator(String apiKey) {
    this.apiKey = apiKey;
  }

  /**
   * @param authorization the header value, or null when absent
   * @throws HttpProblemException 401 with MaiAgent's body when the call is not authenticated
   */
  public void authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw unauthorized(NOT_PROVIDED);
    }
    String[] parts = authorization.trim().split("\\s+");
    if (parts.length == 2 && parts[0].equals("Api-Key") && parts[1].equals(apiKey)) {
      return;
    }
    boolean wellFormed =
        parts.length == 2
            && parts[0].equalsIgnoreCase("Api-Key")
            && KEY_FORMAT.matcher(parts[1]).matches();
    throw unauthorized(wellFormed ? NOT_PROVIDED : INVALID_FORMAT);
  }

  private static HttpProblemException unauthorized(String detail) {
    return new HttpProblemException(
        401, Json.object().put("detail", detail), Map.of("WWW-Authenticate", "Api-Key"));
  }
}
