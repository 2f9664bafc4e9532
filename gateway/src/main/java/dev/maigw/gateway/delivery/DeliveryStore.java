package dev.maigw.gateway.delivery;

import dev.maigw.gateway.storage.GroupCommitWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Deliveries and their attempts. Writes go through the group-commit writer. */
@Component
class DeliveryStore {

  private static final String COLUMNS =
      "delivery_id, target_id, message_seq, conversation_id, status, attempts,"
          + " next_attempt_at_ms, last_status, last_error, created_at_ms, delivered_at_ms";

  private final GroupCommitWriter writer;
  private final JdbcClient reader;
  private final Clock clock;

  DeliveryStore(GroupCommitWriter writer, JdbcClient reader, Clock clock) {
    this.writer = writer;
    this.reader = reader;
    this.clock = clock;
  }

  /**
   * Leases up to {@code limit} due deliveries of enabled targets, skipping {@code busyTargets} and,
   * for ordered targets, any delivery with an earlier one of its conversation still pending. Counts
   * the attempt now, so a delivery that crashes its worker is still capped.
   */
  List<Delivery> claimDue(Instant leaseUntil, Collection<String> busyTargets, int limit) {
    long now = clock.millis();
    StringBuilder busy = new StringBuilder();
    for (int i = 0; i < busyTargets.size(); i++) {
      busy.append(i == 0 ? " AND d.target_id NOT IN (?" : ", ?");
    }
    if (!busyTargets.isEmpty()) {
      busy.append(")");
    }
    String due =
        """
        SELECT d.delivery_id FROM deliveries d JOIN targets t ON t.target_id = d.target_id
        WHERE d.status = 'pending' AND d.next_attempt_at_ms <= ?
          AND (d.lease_until_ms IS NULL OR d.lease_until_ms < ?) AND t.enabled = 1
          AND (t.ordered = 0 OR NOT EXISTS (
                SELECT 1 FROM deliveries e
                WHERE e.target_id = d.target_id AND e.conversation_id = d.conversation_id
                  AND e.status = 'pending' AND e.message_seq < d.message_seq))
        """
            + busy
            + " ORDER BY d.next_attempt_at_ms, d.message_seq LIMIT ?";
    List<Object> params = new ArrayList<>(List.of(leaseUntil.toEpochMilli(), now, now));
    params.addAll(busyTargets);
    params.add(limit);
    return writer.write(
        session ->
            session
                .jdbc()
                .sql(
                    "UPDATE deliveries SET lease_until_ms = ?, attempts = attempts + 1"
                        + " WHERE delivery_id IN ("
                        + due
                        + ") RETURNING "
                        + COLUMNS)
                .params(params)
                .query(DeliveryStore::toDelivery)
                .list());
  }

  /**
   * Records an attempt and the delivery's new state in one commit, without waiting for it: if the
   * gateway dies first, the lease runs out and the delivery is simply sent again (at least once).
   */
  CompletableFuture<Void> recordAttempt(
      Delivery delivery,
      DeliveryAttempt attempt,
      String status,
      Instant nextAttemptAt,
      boolean disableTarget,
      String disabledReason) {
    return writer.submit(
        session -> {
          var jdbc = session.jdbc();
          jdbc.sql(
                  """
                  INSERT INTO delivery_attempts (delivery_id, attempt, started_at_ms, latency_ms,
                      status_code, error, response_snippet)
                  VALUES (?, (SELECT COALESCE(MAX(attempt), 0) + 1 FROM delivery_attempts
                              WHERE delivery_id = ?), ?, ?, ?, ?, ?)
                  """)
              .params(
                  delivery.id(),
                  delivery.id(),
                  attempt.startedAt().toEpochMilli(),
                  attempt.latencyMillis(),
                  attempt.statusCode(),
                  attempt.error(),
                  attempt.responseSnippet())
              .update();
          jdbc.sql(
                  """
                  UPDATE deliveries SET status = ?, lease_until_ms = NULL, last_status = ?,
                      last_error = ?, next_attempt_at_ms = ?,
                      delivered_at_ms = CASE WHEN ? = 'delivered' THEN ? ELSE NULL END
                  WHERE delivery_id = ?
                  """)
              .params(
                  status,
                  attempt.statusCode(),
                  attempt.error(),
                  nextAttemptAt == null ? clock.millis() : nextAttemptAt.toEpochMilli(),
                  status,
                  clock.millis(),
                  delivery.id())
              .update();
          if (disableTarget) {
            jdbc.sql(
                    "UPDATE targets SET enabled = 0, disabled_reason = ?, updated_at_ms = ?"
                        + " WHERE target_id = ?")
                .params(disabledReason, clock.millis(), delivery.targetId())
                .update();
          }
          return null;
        });
  }

  /** Makes dead deliveries pending again, with a fresh schedule and the same id. */
  int replay(String deliveryId, String targetId) {
    long now = clock.millis();
    StringBuilder sql =
        new StringBuilder(
            "UPDATE deliveries SET status = 'pending', attempts = 0, lease_until_ms = NULL,"
                + " next_attempt_at_ms = ? WHERE status = 'dead'");
    List<Object> params = new ArrayList<>(List.of(now));
    if (deliveryId != null) {
      sql.append(" AND delivery_id = ?");
      params.add(deliveryId);
    }
    if (targetId != null) {
      sql.append(" AND target_id = ?");
      params.add(targetId);
    }
    return writer.write(session -> session.jdbc().sql(sql.toString()).params(params).update());
  }

  Optional<Delivery> find(String deliveryId) {
    return reader
        .sql("SELECT " + COLUMNS + " FROM deliveries WHERE delivery_id = ?")
        .param(deliveryId)
        .query(DeliveryStore::toDelivery)
        .optional();
  }

  /** Deliveries matching the given filters (each may be null), newest first. */
  List<Delivery> list(Long messageSeq, String targetId, String status, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM deliveries WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    if (messageSeq != null) {
      sql.append(" AND message_seq = ?");
      params.add(messageSeq);
    }
    if (targetId != null) {
      sql.append(" AND target_id = ?");
      params.add(targetId);
    }
    if (status != null) {
      sql.append(" AND status = ?");
      params.add(status);
    }
    sql.append(" ORDER BY created_at_ms DESC, message_seq DESC LIMIT ?");
    params.add(limit);
    return reader.sql(sql.toString()).params(params).query(DeliveryStore::toDelivery).list();
  }

  List<DeliveryAttempt> attempts(String deliveryId) {
    return reader
        .sql(
            "SELECT attempt, started_at_ms, latency_ms, status_code, error, response_snippet"
                + " FROM delivery_attempts WHERE delivery_id = ? ORDER BY attempt")
        .param(deliveryId)
        .query(
            (rs, row) ->
                new DeliveryAttempt(
                    rs.getInt("attempt"),
                    Instant.ofEpochMilli(rs.getLong("started_at_ms")),
                    rs.getLong("latency_ms"),
                    nullableInt(rs, "status_code"),
                    rs.getString("error"),
                    rs.getString("response_snippet")))
        .list();
  }

  /** Counts by status for a target, and its latest error. */
  TargetHealth health(String targetId) {
    return reader
        .sql(
            """
            SELECT
              SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END) AS pending,
              SUM(CASE WHEN status = 'delivered' THEN 1 ELSE 0 END) AS delivered,
              SUM(CASE WHEN status = 'dead' THEN 1 ELSE 0 END) AS dead
            FROM deliveries WHERE target_id = ?
            """)
        .param(targetId)
        .query(
            (rs, row) ->
                new TargetHealth(
                    targetId,
                    rs.getLong("pending"),
                    rs.getLong("delivered"),
                    rs.getLong("dead"),
                    lastError(targetId)))
        .single();
  }

  private String lastError(String targetId) {
    return reader
        .sql(
            """
            SELECT COALESCE(a.error, 'HTTP ' || a.status_code) FROM delivery_attempts a
            JOIN deliveries d ON d.delivery_id = a.delivery_id
            WHERE d.target_id = ? AND (a.error IS NOT NULL OR a.status_code < 200
                                       OR a.status_code > 299)
            ORDER BY a.started_at_ms DESC LIMIT 1
            """)
        .param(targetId)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private static Delivery toDelivery(ResultSet rs, int row) throws SQLException {
    long delivered = rs.getLong("delivered_at_ms");
    Instant deliveredAt = rs.wasNull() ? null : Instant.ofEpochMilli(delivered);
    return new Delivery(
        rs.getString("delivery_id"),
        rs.getString("target_id"),
        rs.getLong("message_seq"),
        rs.getString("conversation_id"),
        rs.getString("status"),
        rs.getInt("attempts"),
        Instant.ofEpochMilli(rs.getLong("next_attempt_at_ms")),
        nullableInt(rs, "last_status"),
        rs.getString("last_error"),
        Instant.ofEpochMilli(rs.getLong("created_at_ms")),
        deliveredAt);
  }

  private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  /**
   * A target's delivery counts and latest failure.
   *
   * @param pending the target's queue depth
   * @param successRate delivered among finished deliveries (delivered or dead), null before any
   */
  record TargetHealth(
      String targetId,
      long pending,
      long delivered,
      long dead,
      Double successRate,
      String lastError) {

    TargetHealth(String targetId, long pending, long delivered, long dead, String lastError) {
      this(
          targetId,
          pending,
          delivered,
          dead,
          delivered + dead == 0 ? null : (double) delivered / (delivered + dead),
          lastError);
    }
  }
}
