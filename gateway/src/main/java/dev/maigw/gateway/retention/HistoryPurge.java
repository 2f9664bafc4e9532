package dev.maigw.gateway.retention;

import dev.maigw.gateway.storage.GroupCommitWriter.Work;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Batches of the purges that need no tombstone: finished deliveries, finished bridge sends, the
 * bridge conversations and conversations left with nothing, and quarantined bodies. Each batch is
 * one write; rows are chosen inside it, on the writer thread, so nothing can change their state
 * between the choice and the delete.
 */
final class HistoryPurge {

  /**
   * Finished before the cutoff. A delivery records no time of its own when it ends, so it must be
   * older than the cutoff by every time it has: created, last scheduled (set to the time it was
   * settled) and delivered.
   */
  private static final String FINISHED_DELIVERIES =
      """
      SELECT delivery_id FROM deliveries
      WHERE status IN ('delivered', 'dead', 'cancelled')
        AND created_at_ms < ? AND next_attempt_at_ms < ?
        AND (delivered_at_ms IS NULL OR delivered_at_ms < ?)
      LIMIT ?
      """;

  private static final String FINISHED_SENDS =
      """
      SELECT send_id FROM sends
      WHERE status IN ('replied', 'failed') AND updated_at_ms < ?
      LIMIT ?
      """;

  private HistoryPurge() {}

  static Work<PurgeBatch> deliveries(long cutoff, int limit) {
    return session -> {
      JdbcClient jdbc = session.jdbc();
      List<String> ids =
          jdbc.sql(FINISHED_DELIVERIES)
              .params(cutoff, cutoff, cutoff, limit)
              .query(String.class)
              .list();
      PurgeBatch batch = PurgeBatch.of(ids.size(), 0, 0);
      if (ids.isEmpty()) {
        return batch;
      }
      // Attempts first: they refer to their delivery.
      batch.count(
          PurgeKind.ATTEMPTS,
          jdbc.sql("DELETE FROM delivery_attempts WHERE delivery_id IN (:ids)")
              .param("ids", ids)
              .update());
      return batch.count(
          PurgeKind.DELIVERIES,
          jdbc.sql("DELETE FROM deliveries WHERE delivery_id IN (:ids)")
              .param("ids", ids)
              .update());
    };
  }

  static Work<PurgeBatch> sends(long cutoff, int limit) {
    return session -> {
      JdbcClient jdbc = session.jdbc();
      List<String> ids = jdbc.sql(FINISHED_SENDS).params(cutoff, limit).query(String.class).list();
      PurgeBatch batch = PurgeBatch.of(ids.size(), 0, 0);
      if (ids.isEmpty()) {
        return batch;
      }
      jdbc.sql("DELETE FROM send_replies WHERE send_id IN (:ids)").param("ids", ids).update();
      return batch.count(
          PurgeKind.SENDS,
          jdbc.sql("DELETE FROM sends WHERE send_id IN (:ids)").param("ids", ids).update());
    };
  }

  /**
   * Bridge conversations created before the cutoff that have no send left. A newer one may be about
   * to get its first send, so it stays.
   */
  static Work<PurgeBatch> bridgeConversations(long cutoff, int limit) {
    return deleteUpTo(
        PurgeKind.BRIDGE_CONVERSATIONS,
        """
        DELETE FROM bridge_conversations WHERE conversation_id IN
            (SELECT b.conversation_id FROM bridge_conversations b
             WHERE b.created_at_ms < ?
               AND NOT EXISTS (SELECT 1 FROM sends s WHERE s.conversation_id = b.conversation_id)
             LIMIT ?)
        """,
        cutoff,
        limit);
  }

  /**
   * Conversations whose messages have all been purged but that were kept for a send still open
   * then, once none is open any more.
   */
  static Work<PurgeBatch> emptyConversations(int limit) {
    return deleteUpTo(
        PurgeKind.CONVERSATIONS,
        "DELETE FROM conversations WHERE conversation_id IN (SELECT conversation_id FROM"
            + " conversations WHERE message_count <= 0 AND NOT EXISTS ("
            + MessagePurge.OPEN_SENDS
            + ") LIMIT ?)",
        limit);
  }

  /** Quarantined bodies last seen before the cutoff. */
  static Work<PurgeBatch> quarantine(long cutoff, int limit) {
    return deleteUpTo(
        PurgeKind.QUARANTINE,
        "DELETE FROM quarantine WHERE id IN"
            + " (SELECT id FROM quarantine WHERE last_seen_at_ms < ? LIMIT ?)",
        cutoff,
        limit);
  }

  private static Work<PurgeBatch> deleteUpTo(PurgeKind kind, String sql, Object... params) {
    return session -> {
      int deleted = session.jdbc().sql(sql).params(params).update();
      return PurgeBatch.of(deleted, 0, 0).count(kind, deleted);
    };
  }
}
