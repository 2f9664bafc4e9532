package dev.maigw.gateway.message;

import java.time.Instant;

/**
 * A conversation as seen through its stored replies.
 *
 * @param lastSeq commit position of its latest reply; orders conversations by activity
 */
public record ConversationSummary(
    String conversationId,
    int messageCount,
    Instant firstSeenAt,
    Instant lastActivityAt,
    long lastSeq) {}
