package dev.maigw.gateway.bridge;

import dev.maigw.gateway.storage.Columns;
import dev.maigw.gateway.storage.GroupCommitWriter;
import dev.maigw.gateway.storage.WriteSession;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sends and bridge-created conversations. Writes go through the group-commit writer; every time
 * written or compared comes from the injected clock.
 */
@Component
class SendStore {

  static final String COLUMNS =
      "send_id, conversation_id, content, attachments, status, created_at_ms, dispatched_at_ms,"
          + " receipt_message_id, reply_count, error_status, error_detail, error_body,"
          + " idempotency_key";

  /**
   * The oldest queued send of each conversation that has no send in flight. A send stops counting
   * as in flight when it is answered, fails, or was dispatched before {@code busySince}; a send
   * whose outcome is unknown counts like one MaiAgent took.
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
                               AND b.status IN ('sending', 'sent', 'unknown')
                               AND b.dispatched_at_ms > ?)
          ORDER BY s.queue_position
          LIMIT ?
          """;

  private static final String INSERT =
      """
      INSERT INTO sends (send_id, conversation_id, content, attachments, status,
      created_at_ms, updated_at_ms, idempotency_key)
      VALUES (?, ?, ?, ?, 'queued', ?, ?, ?)
      ON CONFLICT (conversation_id, idempotency_key) DO NOTHING
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

  /**
   * Records a new queued send, or finds the one already recorded for this conversation and {@code
   * idempotencyKey} (insert-if-absent, then read back in the same transaction, so two racing
   * retries get the same send). Completes after the commit, without blocking the caller.
   *
   * @param idempotencyKey the caller's key, or null for a send that is always new
   */
  CompletableFuture<Send> create(
      String conversationId, String content, String attachmentsJson, String idempotencyKey) {
    String sendId = UUID.randomUUID().toString();
    long now = clock.millis();
    return writer.submit(
        session -> {
          JdbcClient jdbc = session.jdbc();
          int inserted =
              jdbc.sql(INSERT)
                  .params(
                      sendId, conversationId, content, attachmentsJson, now, now, idempotencyKey)
                  .update();
          return inserted == 1
              ? readBack(session, "send_id = ?", sendId)
              : readBack(
                  session,
                  "conversation_id = ? AND idempotency_key = ?",
                  conversationId,
                  idempotencyKey);
        });
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
        status = CASE WHEN status IN ('sending', 'unknown') THEN 'sent' ELSE status END,
        receipt_message_id = ?, error_status = NULL, error_detail = NULL, error_body = NULL,
        updated_at_ms = ?
        WHERE send_id = ?
        """,
        receiptMessageId,
        now,
        sendId);
  }

  /**
   * MaiAgent may or may not have taken the message: it holds its conversation and waits for a reply
   * like a sent one. A reply that already arrived keeps its {@code replied}.
   *
   * @param errorStatus MaiAgent's status, 0 for no answer, null when MaiAgent answered 201
   */
  void markUnknown(
      String sendId, Integer errorStatus, String receiptMessageId, String detail, String body) {
    long now = clock.millis();
    update(
        """
        UPDATE sends SET status = 'unknown', error_status = ?, error_detail = ?, error_body = ?,
        receipt_message_id = COALESCE(?, receipt_message_id), updated_at_ms = ?
        WHERE send_id = ? AND status IN ('sending', 'unknown')
        """,
        errorStatus,
        detail,
        MaiAgentCallException.snippet(body),
        receiptMessageId,
        now,
        sendId);
  }

  /** MaiAgent refused the message for certain (a 4xx, or no connection at all). */
  void markFailed(String sendId, int errorStatus, String detail, String body) {
    long now = clock.millis();
    update(
        """
        UPDATE sends SET status = 'failed', error_status = ?, error_detail = ?,
        error_body = ?, updated_at_ms = ?
        WHERE send_id = ? AND status IN ('sending', 'unknown')
        """,
        errorStatus,
        detail,
        MaiAgentCallException.snippet(body),
        now,
        sendId);
  }

  /**
   * Sends left {@code sending} although their call must have ended by {@code dispatchedBefore} (the
   * gateway failed to record MaiAgent's answer, or stopped mid-call) become {@code unknown}:
   * MaiAgent may have them, so they are never sent again.
   *
   * @return the ids that changed
   */
  List<String> recoverStale(Instant dispatchedBefore) {
    List<String> stale =
        reader
            .sql("SELECT send_id FROM sends WHERE status = 'sending' AND dispatched_at_ms < ?")
            .param(dispatchedBefore.toEpochMilli())
            .query(String.class)
            .list();
    if (stale.isEmpty()) {
      return stale;
    }
    long now = clock.millis();
    return writer.write(
        session -> {
          List<String> changed = new java.util.ArrayList<>();
          for (String sendId : stale) {
            int rows =
                session
                    .jdbc()
                    .sql(
                        """
                        UPDATE sends SET status = 'unknown', updated_at_ms = ?,
                        error_detail = 'The gateway did not record MaiAgent''s answer.'
                        WHERE send_id = ? AND status = 'sending'
                        """)
                    .params(now, sendId)
                    .update();
            if (rows == 1) {
              changed.add(sendId);
            }
          }
          return changed;
        });
  }

  Optional<Send> find(String sendId) {
    return reader
        .sql("SELECT " + COLUMNS + " FROM sends WHERE send_id = ?")
        .param(sendId)
        .query(SendStore::toSend)
        .optional();
  }

  /** Ids of sends replied to or failed since {@code since} (by this or another instance). */
  List<String> settledSince(Instant since) {
    return reader
        .sql(
            "SELECT send_id FROM sends WHERE updated_at_ms >= ? AND status IN ('replied', 'failed')")
        .param(since.toEpochMilli())
        .query(String.class)
        .list();
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

  private static Send readBack(WriteSession session, String where, Object... params) {
    return session
        .jdbc()
        .sql("SELECT " + COLUMNS + " FROM sends WHERE " + where)
        .params(params)
        .query(SendStore::toSend)
        .single();
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

  /** Conversations with a send that is sent (or unknown) and still waiting for its reply. */
  List<String> conversationsAwaitingReplies() {
    return reader
        .sql("SELECT DISTINCT conversation_id FROM sends WHERE status IN ('sent', 'unknown')")
        .query(String.class)
        .list();
  }

  /** Sends not answered or failed yet: queued, sending, or sent (or unknown) and waiting. */
  long countUnsettled() {
    return reader
        .sql("SELECT COUNT(*) FROM sends WHERE status IN ('queued', 'sending', 'sent', 'unknown')")
        .query(Long.class)
        .single();
  }

  static Send toSend(ResultSet rs, int row) throws SQLException {
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
        rs.getString("error_body"),
        rs.getString("idempotency_key"));
  }
}
