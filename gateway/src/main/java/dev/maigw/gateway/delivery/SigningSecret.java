package dev.maigw.gateway.delivery;

import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Standard Webhooks signing secrets: {@code whsec_} followed by 24–64 random bytes in base64.
 * Shorter keys are refused, so a target can never be signed with a guessable secret.
 */
final class SigningSecret {

  static final String PREFIX = "whsec_";
  static final int MIN_BYTES = 24;
  static final int MAX_BYTES = 64;

  private static final SecureRandom RANDOM = new SecureRandom();

  private SigningSecret() {}

  static String generate() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /**
   * Returns the secret in its {@code whsec_} form.
   *
   * @throws GatewayException 400 when it is not base64 or its key is too short or too long
   */
  static String normalise(String given) {
    String encoded = given.startsWith(PREFIX) ? given.substring(PREFIX.length()) : given;
    byte[] key;
    try {
      key = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      throw invalid("The signing secret must be base64, optionally prefixed with whsec_.");
    }
    if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
      throw invalid(
          "The signing secret must hold "
              + MIN_BYTES
              + " to "
              + MAX_BYTES
              + " bytes; it holds "
              + key.length
              + ".");
    }
    return PREFIX + encoded;
  }

  private static GatewayException invalid(String detail) {
    return new GatewayException(Problem.INVALID_REQUEST, detail);
  }
}
