package dev.maigw.emulator.delivery;

import java.net.URI;
import java.time.Instant;

/**
 * One POST of a webhook and what came back.
 *
 * @param attempt 1 for the first try, 2 for the first retry, ...
 * @param statusCode the receiver's HTTP status, or null when no response came (see {@code error})
 * @param error the connection error or timeout, or null when a response came
 * @param responseSnippet the start of the response body (up to 500 characters), or null
 * @param latencyMillis from sending the request to having the whole response (or the error)
 */
public record DeliveryAttempt(
    String deliveryId,
    String messageId,
    int attempt,
    URI url,
    Instant startedAt,
    Integer statusCode,
    String error,
    String responseSnippet,
    long latencyMillis) {

  /** Success means exactly 200, as MaiAgent documents; 201 or 204 count as failures. */
  public boolean succeeded() {
    return statusCode != null && statusCode == 200;
  }
}
