package dev.maigw.gateway.message;

import java.time.Instant;

/**
 * Filters for {@link MessageStore#search}; every one may be null (no filter).
 *
 * @param receivedFrom only messages received at or after this instant
 * @param receivedBefore only messages received before this instant
 * @param contentContains only messages whose content contains this text (case-insensitive for ASCII
 *     letters on both databases)
 * @param outcome only messages that were {@code duplicated} (received again with the same body) or
 *     {@code conflicted} (received again with a different body)
 */
public record MessageSearch(
    String conversationId,
    String type,
    Instant receivedFrom,
    Instant receivedBefore,
    String contentContains,
    Outcome outcome) {

  /** What happened to a message after its first delivery. */
  public enum Outcome {
    /** Stored once and never received again. */
    STORED_ONCE,
    /** Received again with the same body at least once. */
    DUPLICATED,
    /** Received again with a different body at least once (the first body is kept). */
    CONFLICTED
  }

  public static MessageSearch none() {
    return new MessageSearch(null, null, null, null, null, null);
  }
}
