package dev.maigw.gateway.bridge;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** What the console shows of the bridge: the messages sent into a conversation, and the backlog. */
@Component
public class BridgeActivity {

  private final SendStore sends;

  BridgeActivity(SendStore sends) {
    this.sends = sends;
  }

  /**
   * A message sent to MaiAgent through the bridge.
   *
   * @param attachmentsJson the attachments array exactly as sent
   * @param status {@code queued}, {@code sending}, {@code sent}, {@code replied} or {@code failed}
   */
  public record SentMessage(
      String sendId,
      String content,
      String attachmentsJson,
      String status,
      Instant createdAt,
      String receiptMessageId,
      Integer errorStatus,
      String errorDetail) {}

  /**
   * Sends of a conversation created in {@code (after, until]} (either may be null), oldest first.
   */
  public List<SentMessage> sentInto(
      String conversationId, Instant after, Instant until, int limit) {
    long from = after == null ? Long.MIN_VALUE : after.toEpochMilli();
    long to = until == null ? Long.MAX_VALUE : until.toEpochMilli();
    return sends.conversationSends(conversationId, from, to, limit).stream()
        .map(
            s ->
                new SentMessage(
                    s.sendId(),
                    s.content(),
                    s.attachmentsJson(),
                    s.status(),
                    s.createdAt(),
                    s.receiptMessageId(),
                    s.errorStatus(),
                    s.errorDetail()))
        .toList();
  }

  /** Conversations with a send MaiAgent took (or may have taken) that has no reply yet. */
  public List<String> conversationsAwaitingReplies() {
    return sends.conversationsAwaitingReplies();
  }

  /** Sends still waiting: queued, being sent, or sent and not yet answered. */
  public long waiting() {
    return sends.countUnsettled();
  }
}
