package dev.maigw.gateway.delivery;

import dev.maigw.gateway.delivery.DeliveryLanes.Job;
import dev.maigw.gateway.storage.Columns;
import dev.maigw.gateway.storage.Dialect;
import dev.maigw.gateway.storage.GroupCommitWriter;
import dev.maigw.gateway.storage.WriteSession;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Deliveries and their attempts. Writes go through the group-commit writer. */
@Component
class DeliveryStore {

  private static final String COLUMNS =
      "delivery_id, target_id, message_seq, conversation_id, status, attempts,"
          + " next_attempt_at_ms, last_status, last_error, created_at_ms, delivered_at_ms";

  // Due deliveries of one target, through the partial index on pending deliveries by target.
  private static final String DUE_OF_TARGET =
      """
      SELECT d.delivery_id FROM deliveries d
      WHERE d.target_id = ? AND d.status = 'pending' AND d.next_attempt_at_ms <= ?
        AND (d.lease_until_ms IS NULL OR d.lease_until_ms < ?)
        AND EXISTS (SELECT 1 FROM targets t WHERE t.target_id = ? AND t.enabled = 1)
      """;

  private static final String ORDERED_GUARD =
      """
        AND NOT EXISTS (
              SELECT 1 FROM deliveries e
              WHERE e.target_id = d.target_id AND e.conversation_id = d.conversation_id
                AND e.status = 'pending' AND e.message_seq < d.message_seq)
      """;

  private static final String CLAIM = claim(DUE_OF_TARGET);
  private static final String CLAIM_ORDERED = claim(DUE_OF_TARGET + ORDERED_GUARD);

  private static String claim(String due) {
    return "UPDATE deliveries SET attempts = attempts + 1, lease_until_ms = ?, lease_owner = ?"
        + " WHERE delivery_id IN ("
        + due
        + " ORDER BY d.next_attempt_at_ms, d.message_seq LIMIT ?) RETURNING "
        + COLUMNS;
  }

  // Recorded even when the lease was lost (flagged), so the timeline shows every call made; a row
  // only for a delivery that still exists.
  private static final String INSERT_ATTEMPT =
      """
      INSERT INTO delivery_attempts (delivery_id, attempt, started_at_ms, latency_ms, status_code,
          error, response_snippet, lease_lost)
      SELECT d.delivery_id, (SELECT COALESCE(MAX(a.attempt), 0) + 1 FROM delivery_attempts a
                             WHERE a.delivery_id = d.delivery_id), ?, ?, ?, ?, ?, ?
      FROM deliveries d WHERE d.delivery_id = ?
      """;

  // Only while the attempt's lease is still the delivery's current one: a worker whose lease ran
  // out must neither clear the new holder's lease nor move a settled delivery back.
  private static final String SETTLE_DELIVERY =
      """
      UPDATE deliveries SET status = ?, attempts = CASE WHEN attempts < ? THEN ? ELSE attempts END,
          lease_until_ms = NULL, lease_owner = NULL, last_status = ?, last_error = ?,
          next_attempt_at_ms = ?, delivered_at_ms = ?
      WHERE delivery_id = ? AND status = 'pending' AND lease_owner = ? AND lease_until_ms = ?
      """;

  private static final HexFormat HEX = HexFormat.of();

  private static final Comparator<Job> OLDEST_DUE_FIRST =
      Comparator.comparing((Job job) -> job.delivery().nextAttemptAt())
          .thenComparingLong(job -> job.delivery().messageSeq());

  private final GroupCommitWriter writer;
  private final JdbcClient reader;
  private final Clock clock;

  DeliveryStore(GroupCommitWriter writer, JdbcClient reader, Clock clock) {
    this.writer = writer;
    this.reader = reader;
    this.clock = clock;
  }

  /**
   * Leases, in one transaction, up to the wanted number of due deliveries of each target that is
   * still enabled, oldest due first, skipping for ordered targets any delivery with an earlier one
   * of its conversation still pending. Each lease lasts {@code lease} plus the target's timeout.
   * Counts the attempt now, so a delivery that crashes its worker is still capped.
   */
  Map<String, List<Job>> claimDue(Map<Target, Integer> wanted, Duration lease) {
    long now = clock.millis();
    String owner = newLeaseOwner();
    return writer.write(
        session -> {
          Map<String, List<Job>> claimed = new LinkedHashMap<>();
          for (Map.Entry<Target, Integer> entry : wanted.entrySet()) {
            Target target = entry.getKey();
            long leaseUntil = now + lease.toMillis() + target.timeout().toMillis();
            Instant until = Instant.ofEpochMilli(leaseUntil);
            List<Job> jobs =
                session
                    .jdbc()
                    .sql(target.ordered() ? CLAIM_ORDERED : CLAIM)
                    .params(leaseUntil, owner, target.id(), now, now, target.id(), entry.getValue())
                    .query((rs, row) -> new Job(toDelivery(rs, row), null, until, owner))
                    .list();
            // RETURNING keeps no order (PostgreSQL): attempt them oldest due first all the same.
            claimed.put(target.id(), jobs.stream().sorted(OLDEST_DUE_FIRST).toList());
          }
          return claimed;
        });
  }

  /**
   * A new lease's owner token: 128 random bits in hex. One claim statement gives its deliveries the
   * same token; with the delivery id and the lease's end it still names one lease. Not
   * SecureRandom, which may block, and the recorder calls this on the writer thread.
   */
  static String newLeaseOwner() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
  }

  /**
   * Records an attempt and, while the job's lease is still the delivery's current one, the
   * delivery's new state, in one commit, without waiting for it: if the gateway dies first, the
   * lease runs out and the delivery is simply sent again (at least once). The delivery's attempt
   * count is raised to {@code delivery.attempts()} (a delivery leased in its message's commit is
   * counted only here). When the lease has been lost (it ran out and another worker took the
   * delivery, or the delivery was settled or cancelled meanwhile) the attempt is still recorded,
   * flagged {@code leaseLost}, and the delivery is left as it is; a 410 still disables the target.
   *
   * @return completes with whether the delivery was settled (false: the lease was lost)
   */
  CompletableFuture<Boolean> recordAttempt(
      Job job,
      DeliveryAttempt attempt,
      String status,
      Instant nextAttemptAt,
      boolean disableTarget,
      String disabledReason) {
    return record(job, attempt, status, nextAttemptAt, disableTarget, disabledReason)
        .thenApply(Recorded::settled);
  }

  /**
   * What {@link #recordAttempt} did to the delivery.
   *
   * @param settled the delivery took the attempt's result
   * @param status the delivery's status after the commit: the attempt's when settled, else what
   *     another worker, a replay or a cancellation left it in (null: the delivery is gone)
   */
  record Recorded(boolean settled, String status) {}

  /** Same as {@link #recordAttempt}, telling also the delivery's status after the commit. */
  CompletableFuture<Recorded> record(
      Job job,
      DeliveryAttempt attempt,
      String status,
      Instant nextAttemptAt,
      boolean disableTarget,
      String disabledReason) {
    return writer.submit(
        session -> {
          long now = clock.millis();
          boolean settled = settle(session, job, attempt, status, nextAttemptAt, now);
          PreparedStatement insert = session.prepared(INSERT_ATTEMPT);
          insert.setLong(1, attempt.startedAt().toEpochMilli());
          insert.setLong(2, attempt.latencyMillis());
          setNullableInt(insert, 3, attempt.statusCode());
          insert.setString(4, attempt.error());
          insert.setString(5, attempt.responseSnippet());
          insert.setInt(6, settled ? 0 : 1);
          insert.setString(7, job.delivery().id());
          insert.executeUpdate();
          if (disableTarget) {
            String targetId = job.delivery().targetId();
            TargetStore.setEnabled(session.jdbc(), targetId, false, disabledReason, now);
            TargetStore.markChanged(session);
          }
          return new Recorded(settled, settled ? status : currentStatus(session, job));
        });
  }

  private static String currentStatus(WriteSession session, Job job) throws SQLException {
    PreparedStatement query =
        session.prepared("SELECT status FROM deliveries WHERE delivery_id = ?");
    query.setString(1, job.delivery().id());
    try (ResultSet rows = query.executeQuery()) {
      return rows.next() ? rows.getString(1) : null;
    }
  }

  private static boolean settle(
      WriteSession session,
      Job job,
      DeliveryAttempt attempt,
      String status,
      Instant nextAttemptAt,
      long now)
      throws SQLException {
    if (job.leaseOwner() == null) {
      return false;
    }
    Delivery delivery = job.delivery();
    PreparedStatement update = session.prepared(SETTLE_DELIVERY);
    update.setString(1, status);
    update.setInt(2, delivery.attempts());
    update.setInt(3, delivery.attempts());
    setNullableInt(update, 4, attempt.statusCode());
    update.setString(5, attempt.error());
    update.setLong(6, nextAttemptAt == null ? now : nextAttemptAt.toEpochMilli());
    if (Delivery.DELIVERED.equals(status)) {
      update.setLong(7, now);
    } else {
      update.setNull(7, Types.BIGINT);
    }
    update.setString(8, delivery.id());
    update.setString(9, job.leaseOwner());
    update.setLong(10, job.leaseUntil().toEpochMilli());
    return update.executeUpdate() == 1;
  }

  private static void setNullableInt(PreparedStatement statement, int index, Integer value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setInt(index, value);
    }
  }

  /**
   * Gives back leases of deliveries this instance will not attempt after all (it is stopping), with
   * their attempt count as it was before the lease, so another instance or the next start takes
   * them at once instead of after the lease. A lease that has changed hands meanwhile is left
   * alone.
   */
  void releaseLeases(List<Job> jobs) {
    if (jobs.isEmpty()) {
      return;
    }
    writer.write(
        session -> {
          PreparedStatement release =
              session.prepared(
                  "UPDATE deliveries SET lease_until_ms = NULL, lease_owner = NULL, attempts = ?"
                      + " WHERE delivery_id = ? AND status = 'pending' AND lease_owner = ?"
                      + " AND lease_until_ms = ?");
          for (Job job : jobs) {
            release.setInt(1, job.delivery().attempts() - 1);
            release.setString(2, job.delivery().id());
            release.setString(3, job.leaseOwner());
            release.setLong(4, job.leaseUntil().toEpochMilli());
            release.executeUpdate();
          }
          return null;
        });
  }

  /**
   * Makes dead deliveries pending again, with a fresh schedule and the same id: those matching
   * every given filter (each may be null).
   *
   * @param createdFrom only deliveries recorded at or after this instant
   */
  int replay(String deliveryId, String targetId, String conversationId, Instant createdFrom) {
    long now = clock.millis();
    Where where =
        new Where(
                "UPDATE deliveries SET status = 'pending', attempts = 0, lease_until_ms = NULL,"
                    + " lease_owner = NULL, next_attempt_at_ms = ? WHERE status = 'dead'",
                now)
            .and("delivery_id = ?", deliveryId)
            .and("target_id = ?", targetId)
            .and("conversation_id = ?", conversationId)
            .and("created_at_ms >= ?", millis(createdFrom));
    return writer.write(session -> session.jdbc().sql(where.sql()).params(where.params).update());
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
    return page(messageSeq, targetId, status, null, limit);
  }

  /**
   * A delivery's place in the newest-first order, unique by its id: the keyset that {@code GET
   * /api/deliveries} pages by, so deliveries recorded meanwhile never shift a page.
   */
  record Position(long createdAtMs, long messageSeq, String deliveryId) {
    static Position of(Delivery d) {
      return new Position(d.createdAt().toEpochMilli(), d.messageSeq(), d.id());
    }
  }

  /** Like {@link #list}, but only deliveries after {@code after} (null: from the newest). */
  List<Delivery> page(Long messageSeq, String targetId, String status, Position after, int limit) {
    Where where = filtered(messageSeq, targetId, status, null, null);
    if (after != null) {
      where.andAll(
          "(created_at_ms, message_seq, delivery_id) < (?, ?, ?)",
          after.createdAtMs(),
          after.messageSeq(),
          after.deliveryId());
    }
    return newestFirst(where, limit);
  }

  List<DeliveryAttempt> attempts(String deliveryId) {
    return reader
        .sql(
            "SELECT attempt, started_at_ms, latency_ms, status_code, error, response_snippet,"
                + " lease_lost FROM delivery_attempts WHERE delivery_id = ? ORDER BY attempt")
        .param(deliveryId)
        .query(
            (rs, row) ->
                new DeliveryAttempt(
                    rs.getInt("attempt"),
                    Instant.ofEpochMilli(rs.getLong("started_at_ms")),
                    rs.getLong("latency_ms"),
                    Columns.nullableInt(rs, "status_code"),
                    rs.getString("error"),
                    rs.getString("response_snippet"),
                    rs.getInt("lease_lost") == 1))
        .list();
  }

  /**
   * Counts by status for a target, and its latest error. On SQLite from the tables triggers keep
   * (V15), so the cost does not grow with the history; on PostgreSQL from the target's index
   * entries (shared counter rows would serialize the commits of concurrent instances).
   */
  TargetHealth health(String targetId) {
    if (writer.dialect() == Dialect.SQLITE) {
      return countedHealth(targetId);
    }
    return reader
        .sql(
            """
            SELECT
              SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END) AS pending,
              SUM(CASE WHEN status = 'delivered' THEN 1 ELSE 0 END) AS delivered,
              SUM(CASE WHEN status = 'dead' THEN 1 ELSE 0 END) AS dead,
              SUM(CASE WHEN status = 'cancelled' THEN 1 ELSE 0 END) AS cancelled
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
                    rs.getLong("cancelled"),
                    lastError(targetId)))
        .single();
  }

  private TargetHealth countedHealth(String targetId) {
    Map<String, Long> counts = new HashMap<>();
    reader
        .sql("SELECT status, deliveries FROM target_delivery_counts WHERE target_id = ?")
        .param(targetId)
        .query(
            rs -> {
              counts.put(rs.getString("status"), rs.getLong("deliveries"));
            });
    String lastError =
        reader
            .sql("SELECT error FROM target_latest_failures WHERE target_id = ?")
            .param(targetId)
            .query(String.class)
            .optional()
            .orElse(null);
    return new TargetHealth(
        targetId,
        counts.getOrDefault(Delivery.PENDING, 0L),
        counts.getOrDefault(Delivery.DELIVERED, 0L),
        counts.getOrDefault(Delivery.DEAD, 0L),
        counts.getOrDefault(Delivery.CANCELLED, 0L),
        lastError);
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

  /**
   * Deliveries matching every given filter (each may be null), newest first, recorded before {@code
   * createdBefore} (the console pages by it).
   */
  List<Delivery> search(
      Long messageSeq,
      String targetId,
      String status,
      Instant createdFrom,
      Instant createdBefore,
      int limit) {
    return newestFirst(filtered(messageSeq, targetId, status, createdFrom, createdBefore), limit);
  }

  private static Where filtered(
      Long messageSeq, String targetId, String status, Instant createdFrom, Instant createdBefore) {
    return new Where("SELECT " + COLUMNS + " FROM deliveries WHERE 1 = 1")
        .and("message_seq = ?", messageSeq)
        .and("target_id = ?", targetId)
        .and("status = ?", status)
        .and("created_at_ms >= ?", millis(createdFrom))
        .and("created_at_ms < ?", millis(createdBefore));
  }

  private List<Delivery> newestFirst(Where where, int limit) {
    String sql =
        where.sql() + " ORDER BY created_at_ms DESC, message_seq DESC, delivery_id DESC LIMIT ?";
    where.params.add(limit);
    return reader.sql(sql).params(where.params).query(DeliveryStore::toDelivery).list();
  }

  /**
   * How many dead deliveries {@link #replay} would make pending again with the same filters: the
   * preview of a bulk replay.
   */
  long countDead(String targetId, String conversationId, Instant createdFrom) {
    Where where =
        new Where("SELECT COUNT(*) FROM deliveries WHERE status = 'dead'")
            .and("target_id = ?", targetId)
            .and("conversation_id = ?", conversationId)
            .and("created_at_ms >= ?", millis(createdFrom));
    return reader.sql(where.sql()).params(where.params).query(Long.class).single();
  }

  /** Attempts at a target's deliveries started at or after {@code since}: all, and answered 2xx. */
  record AttemptCounts(long attempts, long succeeded) {}

  AttemptCounts attemptsSince(String targetId, Instant since) {
    return reader
        .sql(
            """
            SELECT COUNT(*) AS attempts,
                   COALESCE(SUM(CASE WHEN a.status_code BETWEEN 200 AND 299 THEN 1 ELSE 0 END), 0)
                     AS succeeded
            FROM delivery_attempts a JOIN deliveries d ON d.delivery_id = a.delivery_id
            WHERE a.started_at_ms >= ? AND d.target_id = ?
            """)
        .params(since.toEpochMilli(), targetId)
        .query((rs, row) -> new AttemptCounts(rs.getLong("attempts"), rs.getLong("succeeded")))
        .single();
  }

  /** Deliveries of every target by status, for the console's overview. */
  Map<String, Long> countsByStatus() {
    Map<String, Long> counts = new LinkedHashMap<>();
    reader
        .sql("SELECT status, COUNT(*) AS n FROM deliveries GROUP BY status")
        .query(
            (ResultSet rs) -> {
              counts.put(rs.getString("status"), rs.getLong("n"));
            });
    return counts;
  }

  /** Pending and dead deliveries ({@code [pending, dead]}) of every target that has any. */
  Map<String, long[]> pendingAndDeadByTarget() {
    Map<String, long[]> counts = new LinkedHashMap<>();
    reader
        .sql(
            "SELECT target_id, status, COUNT(*) AS n FROM deliveries"
                + " WHERE status IN ('pending', 'dead') GROUP BY target_id, status")
        .query(
            (ResultSet rs) -> {
              long[] both = counts.computeIfAbsent(rs.getString("target_id"), t -> new long[2]);
              both[Delivery.PENDING.equals(rs.getString("status")) ? 0 : 1] = rs.getLong("n");
            });
    return counts;
  }

  private static Long millis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }

  /** A statement and its parameters, with one {@code AND} condition per filter that was given. */
  private static final class Where {
    private final StringBuilder sql;
    final List<Object> params = new ArrayList<>();

    Where(String statement, Object... leadingParams) {
      this.sql = new StringBuilder(statement);
      params.addAll(List.of(leadingParams));
    }

    /** Adds {@code condition} (with one {@code ?}) unless {@code value} is null. */
    Where and(String condition, Object value) {
      if (value != null) {
        sql.append(" AND ").append(condition);
        params.add(value);
      }
      return this;
    }

    /** Adds {@code condition} with one {@code ?} per value. */
    Where andAll(String condition, Object... values) {
      sql.append(" AND ").append(condition);
      params.addAll(List.of(values));
      return this;
    }

    String sql() {
      return sql.toString();
    }
  }

  private static Delivery toDelivery(ResultSet rs, int row) throws SQLException {
    return new Delivery(
        rs.getString("delivery_id"),
        rs.getString("target_id"),
        rs.getLong("message_seq"),
        rs.getString("conversation_id"),
        rs.getString("status"),
        rs.getInt("attempts"),
        Instant.ofEpochMilli(rs.getLong("next_attempt_at_ms")),
        Columns.nullableInt(rs, "last_status"),
        rs.getString("last_error"),
        Instant.ofEpochMilli(rs.getLong("created_at_ms")),
        Columns.nullableInstant(rs, "delivered_at_ms"));
  }
}
