package dev.maigw.gateway.message;

import java.time.Instant;

/**
 * A stored reply as read back: normalised columns, counters, and the exact body bytes.
 *
 * @param seq commit-order position, also the read cursor
 * @param source how it reached the gateway (the first copy, when it came more than once)
 */
public record StoredMessage(
    long seq,
    String messageId,
    String conversationId,
    String type,
    String content,
    String senderId,
    String senderName,
    String senderAvatar,
    Instant createdAt,
    Instant receivedAt,
    int attachmentCount,
    int citationCount,
    byte[] body,
    byte[] bodySha256,
    int duplicateCount,
    int conflictCount,
    MessageSource source) {}
