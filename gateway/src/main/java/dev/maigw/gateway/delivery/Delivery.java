package dev.maigw.gateway.delivery;

import java.time.Instant;

/**
 * One stored message on its way to one target.
 *
 * @param id also the {@code webhook-id} header, the same for every attempt and replay
 * @param status {@code pending}, {@code delivered} or {@code dead}
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
}
