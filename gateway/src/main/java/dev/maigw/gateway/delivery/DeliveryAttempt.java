package dev.maigw.gateway.delivery;

import java.time.Instant;

/**
 * One try at a delivery.
 *
 * @param statusCode the target's HTTP status, or null when it gave none (see {@code error})
 * @param responseSnippet the start of the target's answer, or null
 * @param leaseLost the attempt was made but its lease had run out when it was recorded, so it did
 *     not change the delivery (a later attempt had taken over)
 */
public record DeliveryAttempt(
    int attempt,
    Instant startedAt,
    long latencyMillis,
    Integer statusCode,
    String error,
    String responseSnippet,
    boolean leaseLost) {}
