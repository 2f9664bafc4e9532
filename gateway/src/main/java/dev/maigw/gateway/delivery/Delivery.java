package dev.maigw.gateway.delivery;

import java.time.Instant;

/**
 * One stored message on its way to one target.
 *
 * @param id also the {@code webhook-id} header, the same for every attempt and replay
 * @param status {@code pending}, {@code delivered}, {@code dead} (retries exhausted, replayable) or
 *     {@code cancelled} (its target was deleted; kept for history, never sent again)
 */
public record Delivery(
    String id,
    String targetId,
    long messageSeq,
    String conversationId,
    String status,
    int attempts,
    Instant nextAttemptAt,
    Integer lastStatus,
    String lastError,
    Instant createdAt,
    Instant deliveredAt) {

  static final String PENDING = "pending";
  static final String DELIVERED = "delivered";
  static final String DEAD = "dead";
  static final String CANCELLED = "cancelled";
}
