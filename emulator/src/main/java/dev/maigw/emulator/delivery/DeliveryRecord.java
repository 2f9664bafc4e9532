package dev.maigw.emulator.delivery;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of one webhook delivery (one copy of one reply) and all its attempts.
 *
 * @param copy 1 for the original; 2.. for duplicates sent by the duplicate-delivery fault
 * @param body the exact JSON text sent
 * @param nextAttemptAt when the next attempt is due, or null when none is scheduled
 */
public record DeliveryRecord(
    String deliveryId,
    String messageId,
    String conversation,
    int copy,
    String body,
    DeliveryState state,
    List<DeliveryAttempt> attempts,
    Instant nextAttemptAt) {}
