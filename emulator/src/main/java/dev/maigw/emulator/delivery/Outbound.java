package dev.maigw.emulator.delivery;

import java.nio.charset.StandardCharsets;

/**
 * A webhook body ready to send.
 *
 * @param messageId the reply's message id (recorded with every attempt)
 * @param body the exact bytes to POST; retries and duplicates resend them unchanged
 */
public record Outbound(String messageId, String conversation, byte[] body) {

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}
