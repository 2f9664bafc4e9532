package dev.maigw.gateway.query;

import dev.maigw.gateway.message.ConversationSummary;
import java.time.Instant;

/** A conversation as the API shows it. */
record ConversationView(
    String id, int messageCount, Instant firstSeenAt, Instant lastActivityAt, String cursor) {

  static ConversationView of(ConversationSummary c) {
    return new ConversationView(
        c.conversationId(),
        c.messageCount(),
        c.firstSeenAt(),
        c.lastActivityAt(),
        Long.toString(c.lastSeq()));
  }
}
