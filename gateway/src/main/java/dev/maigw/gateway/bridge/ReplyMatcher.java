package dev.maigw.gateway.bridge;

import dev.maigw.gateway.message.NewMessage;
import dev.maigw.gateway.message.StoredMessageListener;
import dev.maigw.gateway.storage.WriteSession;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Matches each newly stored AI reply to the send it answers, inside the reply's own commit, so a
 * crash can never separate the two. MaiAgent's reply names only its conversation, and the bridge
 * sends one message per conversation at a time, so the reply belongs to the conversation's latest
 * send dispatched before the reply was created: MaiAgent's {@code createdAt}, or the time the
 * gateway received it when MaiAgent gave none, plus the configured clock-skew tolerance. A late
 * second reply to S1 that arrives while S2 is being sent therefore stays with S1, and no caller is
 * ever answered with a reply created before its send went out. Sends whose outcome is unknown can
 * be replied to; refused ones cannot. Later replies to the same send are added to it; a reply is
 * matched at most once (it is stored at most once).
 */
@Component
class ReplyMatcher implements StoredMessageListener {

  private static final String CURRENT_SEND =
      """
      SELECT send_id FROM sends
      WHERE conversation_id = ? AND status IN ('sending', 'sent', 'unknown', 'replied')
        AND dispatched_at_ms <= ?
      ORDER BY dispatched_at_ms DESC, queue_position DESC LIMIT 1
      """;
  private static final String LINK =
      "INSERT INTO send_replies (send_id, message_seq) VALUES (?, ?)";
  private static final String MARK_REPLIED =
      """
      UPDATE sends SET status = 'replied', reply_count = reply_count + 1, updated_at_ms = ?
      WHERE send_id = ?
      """;

  private final SendWaiters waiters;
  private final SendDispatcher dispatcher;
  private final long clockSkewMillis;

  ReplyMatcher(SendWaiters waiters, SendDispatcher dispatcher, BridgeProperties properties) {
    this.waiters = waiters;
    this.dispatcher = dispatcher;
    this.clockSkewMillis = properties.clockSkew().toMillis();
  }

  @Override
  public void onStored(WriteSession session, NewMessage message, long seq) throws SQLException {
    if (message.type() == null || !message.type().equalsIgnoreCase("outgoing")) {
      return;
    }
    String sendId = currentSend(session, message);
    if (sendId == null) {
      return;
    }
    PreparedStatement link = session.prepared(LINK);
    link.setString(1, sendId);
    link.setLong(2, seq);
    link.executeUpdate();
    PreparedStatement replied = session.prepared(MARK_REPLIED);
    replied.setLong(1, message.receivedAt().toEpochMilli());
    replied.setString(2, sendId);
    replied.executeUpdate();
    session.afterCommit(
        () -> {
          waiters.wake(sendId, System.nanoTime());
          dispatcher.signal();
        });
  }

  private String currentSend(WriteSession session, NewMessage message) throws SQLException {
    Instant createdAt = message.createdAt() != null ? message.createdAt() : message.receivedAt();
    PreparedStatement find = session.prepared(CURRENT_SEND);
    find.setString(1, message.conversationId());
    find.setLong(2, createdAt.toEpochMilli() + clockSkewMillis);
    try (ResultSet rs = find.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
