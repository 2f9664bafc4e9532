package dev.maigw.gateway.delivery;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Standard Webhooks headers for one delivery: {@code webhook-id}, {@code webhook-timestamp} and
 * {@code webhook-signature} ({@code v1,} HMAC-SHA256 over {@code id.timestamp.body}). The body is
 * the stored reply's exact bytes, which are valid UTF-8 (the intake checks), so signing its text
 * signs those bytes.
 */
public final class WebhookSigner {

  private WebhookSigner() {}

  /**
   * @param deliveryId stays the same for every attempt and replay of one delivery
   * @throws IllegalStateException if the secret is malformed (secrets are checked when stored)
   */
  public static Map<String, String> headers(
      String secret, String deliveryId, Instant timestamp, byte[] body) {
    long seconds = timestamp.getEpochSecond();
    String signature;
    try {
      signature =
          new Webhook(secret).sign(deliveryId, seconds, new String(body, StandardCharsets.UTF_8));
    } catch (WebhookSigningException e) {
      throw new IllegalStateException("Cannot sign with the target's secret", e);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("webhook-id", deliveryId);
    headers.put("webhook-timestamp", Long.toString(seconds));
    headers.put("webhook-signature", signature);
    return headers;
  }
}
