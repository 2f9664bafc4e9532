package dev.maigw.gateway.retention;

import dev.maigw.gateway.storage.GroupCommitWriter.Work;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One batch of the message purge, run as a single write. Everything is selected and deleted on the
 * writer thread inside the batch's transaction, so no delivery can become pending (a replay) and no
 * retry can be stored between the choice of a message and its deletion.
 *
 * <p>A message is purged once it was received before the cutoff and none of its deliveries is
 * pending: its finished deliveries, their attempts and its links to bridge sends go with it (they
 * refer to it, and without the body they could never be replayed). It leaves a tombstone of its id
 * and body hash. Its conversation's count goes down, and a conversation left without messages is
 * removed unless one of its bridge sends is still open.
 */
final class MessagePurge {

  // COALESCE keeps SQLite from looking the pending check up by status (every pending delivery)
  // instead of by message (a few rows).
  private static final String SELECT =
      """
      SELECT m.seq, m.message_id, m.conversation_id, m.received_at_ms, m.body_sha256
      FROM messages m
      WHERE m.received_at_ms < :cutoff AND m.received_at_ms >= :afterTime
        AND (m.received_at_ms > :afterTime OR m.seq > :afterSeq)
        AND NOT EXISTS (SELECT 1 FROM deliveries d
                        WHERE d.message_seq = m.seq AND COALESCE(d.status, '') = 'pending')
      ORDER BY m.received_at_ms, m.seq
      LIMIT :limit
      """;

  private static final String TOMBSTONE =
      """
      INSERT INTO message_tombstones (message_id, body_sha256, first_seen_at_ms, purged_at_ms)
      VALUES (?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING
      """;

  static final String OPEN_SENDS =
      """
      SELECT 1 FROM sends s WHERE s.conversation_id = conversations.conversation_id
        AND s.status IN ('queued', 'sending', 'sent', 'unknown')
      """;

  private MessagePurge() {}

  private record Row(
      long seq, String messageId, String conversationId, long receivedAt, byte[] sha256) {}

  /** Purges up to {@code limit} messages received before {@code cutoff}, past the cursor. */
  static Work<PurgeBatch> batch(long cutoff, long afterTime, long afterSeq, int limit, long now) {
    return session -> {
      JdbcClient jdbc = session.jdbc();
      List<Row> rows =
          jdbc.sql(SELECT)
              .param("cutoff", cutoff)
              .param("afterTime", afterTime)
              .param("afterSeq", afterSeq)
              .param("limit", limit)
              .query(
                  (rs, n) ->
                      new Row(
                          rs.getLong(1),
                          rs.getString(2),
                          rs.getString(3),
                          rs.getLong(4),
                          rs.getBytes(5)))
              .list();
      if (rows.isEmpty()) {
        return PurgeBatch.of(0, afterTime, afterSeq);
      }
      Row last = rows.get(rows.size() - 1);
      PurgeBatch batch = PurgeBatch.of(rows.size(), last.receivedAt(), last.seq());
      List<Long> seqs = rows.stream().map(Row::seq).toList();
      deleteReferences(jdbc, seqs, batch);
      for (Row row : rows) {
        jdbc.sql(TOMBSTONE).params(row.messageId(), row.sha256(), row.receivedAt(), now).update();
      }
      batch.count(
          PurgeKind.MESSAGES,
          jdbc.sql("DELETE FROM messages WHERE seq IN (:seqs)").param("seqs", seqs).update());
      batch.count(PurgeKind.CONVERSATIONS, shrinkConversations(jdbc, rows));
      return batch;
    };
  }

  /** Finished deliveries with their attempts, and links to sends, of the messages going. */
  private static void deleteReferences(JdbcClient jdbc, List<Long> seqs, PurgeBatch batch) {
    batch.count(
        PurgeKind.ATTEMPTS,
        jdbc.sql(
                """
                DELETE FROM delivery_attempts WHERE delivery_id IN
                    (SELECT delivery_id FROM deliveries WHERE message_seq IN (:seqs))
                """)
            .param("seqs", seqs)
            .update());
    batch.count(
        PurgeKind.DELIVERIES,
        jdbc.sql("DELETE FROM deliveries WHERE message_seq IN (:seqs)")
            .param("seqs", seqs)
            .update());
    jdbc.sql("DELETE FROM send_replies WHERE message_seq IN (:seqs)").param("seqs", seqs).update();
  }

  /** Lowers the message counts; returns how many conversations were left empty and removed. */
  private static int shrinkConversations(JdbcClient jdbc, List<Row> rows) {
    Map<String, Integer> gone = new TreeMap<>();
    rows.forEach(row -> gone.merge(row.conversationId(), 1, Integer::sum));
    int removed = 0;
    for (Map.Entry<String, Integer> entry : gone.entrySet()) {
      jdbc.sql(
              "UPDATE conversations SET message_count = message_count - ?"
                  + " WHERE conversation_id = ?")
          .params(entry.getValue(), entry.getKey())
          .update();
      removed +=
          jdbc.sql(
                  "DELETE FROM conversations WHERE conversation_id = ? AND message_count <= 0"
                      + " AND NOT EXISTS ("
                      + OPEN_SENDS
                      + ")")
              .param(entry.getKey())
              .update();
    }
    return removed;
  }

  /** Deletes up to {@code limit} tombstones of messages first seen before {@code cutoff}. */
  static Work<PurgeBatch> tombstones(long cutoff, int limit) {
    return session -> {
      int deleted =
          session
              .jdbc()
              .sql(
                  """
                  DELETE FROM message_tombstones WHERE message_id IN
                      (SELECT message_id FROM message_tombstones WHERE first_seen_at_ms < ?
                       LIMIT ?)
                  """)
              .params(cutoff, limit)
              .update();
      return PurgeBatch.of(deleted, 0, 0).count(PurgeKind.TOMBSTONES, deleted);
    };
  }
}
