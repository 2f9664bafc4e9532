package dev.maigw.gateway.bridge;

import dev.maigw.gateway.storage.Columns;
import dev.maigw.gateway.storage.GroupCommitWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Sends and bridge-created conversations. Writes go through the group-commit writer. */
@Component
class SendStore {

  private static final String COLUMNS =
      "send_id, conversation_id, content, attachments, status, created_at_ms, dispatched_at_ms,"
          + " receipt_message_id, reply_count, error_status, error_detail, error_body";

  /**
   * The oldest queued send of each conversation that has no send in flight. A send stops counting
   * as in flight when it is answered, fails, or was dispatched before {@code busySince}.
   */
  private static final String DISPATCHABLE =
      "SELECT "
          + COLUMNS
          + """
           FROM sends s
          WHERE s.status = 'queued'
            AND s.queue_position = (SELECT MIN(q.queue_position) FROM sends q
                                     WHERE q.conversation_id = s.conversation_id
                                       AND q.status = 'queued')
            AND NOT EXISTS (SELECT 1 FROM sends b
                             WHERE b.conversation_id = s.conversation_id
                               AND b.status IN ('sending', 'sent')
                               AND b.dispatched_at_ms > ?)
          ORDER BY s.queue_position
          LIMIT ?
          """;

  private final GroupCommitWriter writer;
  private final JdbcClient reader;
  private final Clock clock;

  SendStore(GroupCommitWriter writer, JdbcClient reader, Clock clock) {
    this.writer = writer;
    this.reader = reader;
    this.clock = clock;
  }

  void recordConversation(String conversationId, String webChatId) {
    long now = clock.millis();
    update(
        """
        INSERT INTO bridge_conversations (conversation_id, web_chat_id, created_at_ms)
        VALUES (?, ?, ?) ON CONFLICT (conversation_id) DO NOTHING
        """,
        conversationId,
        webChatId,
        now);
  }

  /** Records a new queued send and returns it, after the commit. */
  Send create(String conversationId, String content, String attachmentsJson) {
    String sendId = UUID.randomUUID().toString();
    long now = clock.millis();
    update(
        """
        INSERT INTO sends (send_id, conversation_id, content, attachments, status,
        created_at_ms, updated_at_ms)
        VALUES (?, ?, ?, ?, 'queued', ?, ?)
        """,
        sendId,
        conversationId,
        content,
        attachmentsJson,
        now,
        now);
    return find(sendId).orElseThrow();
  }

  List<Send> dispatchable(Instant busySince, int limit) {
    return reader
        .sql(DISPATCHABLE)
        .params(busySince.toEpochMilli(), limit)
        .query(SendStore::toSend)
        .list();
  }

  /** Moves a queued send to {@code sending}; false when another dispatcher took it first. */
  boolean claim(String sendId) {
    long now = clock.millis();
    return update(
            """
            UPDATE sends SET status = 'sending', dispatched_at_ms = ?, updated_at_ms = ?
            WHERE send_id = ? AND status = 'queued'
            """,
            now,
            now,
            sendId)
        == 1;
  }

  /** MaiAgent took the message; a reply that already arrived keeps its {@code replied}. */
  void markSent(String sendId, String receiptMessageId) {
    long now = clock.millis();
    update(
        """
        UPDATE sends SET
        status = CASE WHEN status = 'sending' THEN 'sent' ELSE status END,
        receipt_message_id = ?, updated_at_ms = ?
        WHERE send_id = ?
        """,
        receiptMessageId,
        now,
        sendId);
  }

  void markFailed(String sendId, int errorStatus, String detail, String body) {
    long now = clock.millis();
    update(
        """
        UPDATE sends SET status = 'failed', error_status = ?, error_detail = ?,
        error_body = ?, updated_at_ms = ?
        WHERE send_id = ? AND status = 'sending'
        """,
        errorStatus,
        detail,
        MaiAgentCallException.snippet(body),
        now,
        sendId);
  }

  Optional<Send> find(String sendId) {
    return reader
        .sql("SELECT " + COLUMNS + " FROM sends WHERE send_id = ?")
        .param(sendId)
        .query(SendStore::toSend)
        .optional();
  }

  /** Commit positions of the replies matched to a send, oldest first. */
  List<Long> replySeqs(String sendId) {
    return reader
        .sql("SELECT message_seq FROM send_replies WHERE send_id = ? ORDER BY message_seq")
        .param(sendId)
        .query(Long.class)
        .list();
  }

  /** Runs one statement in the next group commit; returns the rows it changed. */
  private int update(String sql, Object... params) {
    return writer.write(session -> session.jdbc().sql(sql).params(params).update());
  }

  /**
   * Sends of one conversation created after {@code afterMs} and at or before {@code untilMs}, in
   * queue order: the bridge's side of a transcript page.
   */
  List<Send> conversationSends(String conversationId, long afterMs, long untilMs, int limit) {
    return reader
        .sql(
            "SELECT "
                + COLUMNS
                + " FROM sends WHERE conversation_id = ? AND created_at_ms > ?"
                + " AND created_at_ms <= ? ORDER BY queue_position LIMIT ?")
        .params(conversationId, afterMs, untilMs, limit)
        .query(SendStore::toSend)
        .list();
  }

  /** Sends that have not been answered or failed yet: queued, sending, or sent and waiting. */
  long countUnsettled() {
    return reader
        .sql("SELECT COUNT(*) FROM sends WHERE status IN ('queued', 'sending', 'sent')")
        .query(Long.class)
        .single();
  }

  private static Send toSend(ResultSet rs, int row) throws SQLException {
    return new Send(
        rs.getString("send_id"),
        rs.getString("conversation_id"),
        rs.getString("content"),
        rs.getString("attachments"),
        rs.getString("status"),
        Instant.ofEpochMilli(rs.getLong("created_at_ms")),
        Columns.nullableInstant(rs, "dispatched_at_ms"),
        rs.getString("receipt_message_id"),
        rs.getInt("reply_count"),
        Columns.nullableInt(rs, "error_status"),
        rs.getString("error_detail"),
        rs.getString("error_body"));
  }
}
