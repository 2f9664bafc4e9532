package dev.maigw.gateway.quarantine;

import dev.maigw.gateway.storage.GroupCommitWriter;
import dev.maigw.gateway.storage.TextColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps unreadable bodies, bounded and deduplicated by body hash. */
@Component
public class QuarantineStore {

  private static final Logger log = LoggerFactory.getLogger(QuarantineStore.class);

  private static final String UPSERT =
      """
      INSERT INTO quarantine (body_sha256, body, body_bytes, problem_code, detail, content_type,
          first_seen_at_ms, last_seen_at_ms, seen_count)
      VALUES (:sha, :body, :bytes, :code, :detail, :contentType, :now, :now, 1)
      ON CONFLICT (body_sha256) DO UPDATE SET
          last_seen_at_ms = excluded.last_seen_at_ms,
          seen_count = quarantine.seen_count + 1
      RETURNING id
      """;

  private static final String COLUMNS =
      "id, problem_code, detail, content_type, body_bytes, body, body_sha256, first_seen_at_ms,"
          + " last_seen_at_ms, seen_count";

  /** Past this share of either cap, the quarantine is "near full": one WARN, and a gauge of 1. */
  public static final double NEAR_FULL = 0.8;

  /** Rows removed per write by {@link #deleteMatching}, so the writer is never held long. */
  static final int DELETE_BATCH = 500;

  private final GroupCommitWriter writer;
  private final JdbcClient reader;
  private final QuarantineProperties limits;
  private final NearFullAlert alert;

  public QuarantineStore(GroupCommitWriter writer, JdbcClient reader, QuarantineProperties limits) {
    this.writer = writer;
    this.reader = reader;
    this.limits = limits;
    this.alert = new NearFullAlert(limits);
  }

  /**
   * Keeps {@code body} (or counts one more sighting of the same bytes) and returns its id, after
   * the commit.
   *
   * @throws QuarantineFullException when a new body would pass the caps
   * @throws dev.maigw.gateway.system.StoreUnavailableException when the store cannot commit
   */
  public long keep(
      byte[] body,
      byte[] bodySha256,
      String problemCode,
      String detail,
      String contentType,
      Instant receivedAt) {
    return writer.write(
        session -> {
          JdbcClient jdbc = session.jdbc();
          Usage before = refuseIfFull(jdbc, bodySha256, body.length);
          if (before != null) {
            double after =
                new Fill(
                        before.rows + 1L,
                        before.bytes + body.length,
                        0,
                        limits.maxRows(),
                        limits.maxBytes())
                    .ratio();
            session.afterCommit(() -> alert.observe(after));
          }
          return jdbc.sql(UPSERT)
              .param("sha", bodySha256)
              .param("body", body)
              .param("bytes", body.length)
              .param("code", problemCode)
              .param("detail", TextColumns.storable(detail))
              .param("contentType", TextColumns.storable(contentType))
              .param("now", receivedAt.toEpochMilli())
              .query(Long.class)
              .single();
        },
        body.length);
  }

  /** The usage before a new body is added, or null when these bytes are already kept. */
  private Usage refuseIfFull(JdbcClient jdbc, byte[] sha, int newBytes) {
    boolean known =
        jdbc.sql("SELECT COUNT(*) FROM quarantine WHERE body_sha256 = ?")
                .param(sha)
                .query(Long.class)
                .single()
            > 0;
    if (known) {
      return null;
    }
    Usage usage =
        jdbc.sql("SELECT COUNT(*) AS n, COALESCE(SUM(body_bytes), 0) AS b FROM quarantine")
            .query((rs, row) -> new Usage(rs.getInt("n"), rs.getLong("b")))
            .single();
    if (usage.rows + 1 > limits.maxRows() || usage.bytes + newBytes > limits.maxBytes()) {
      log.error(
          "ALERT quarantine full: {} bodies, {} bytes (caps {} / {}); refusing new bodies",
          usage.rows,
          usage.bytes,
          limits.maxRows(),
          limits.maxBytes());
      throw new QuarantineFullException(usage.rows, usage.bytes);
    }
    return usage;
  }

  /** Quarantined bodies, newest first, with ids below {@code beforeId}. */
  public List<QuarantinedBody> list(long beforeId, int limit) {
    return list(beforeId, null, limit);
  }

  /**
   * Quarantined bodies refused with code {@code reason} (any when null), newest first, with ids
   * below {@code beforeId}.
   */
  public List<QuarantinedBody> list(long beforeId, String reason, int limit) {
    return reader
        .sql(
            "SELECT "
                + COLUMNS
                + " FROM quarantine WHERE id < ? AND (CAST(? AS TEXT) IS NULL OR problem_code = ?)"
                + " ORDER BY id DESC LIMIT ?")
        .params(beforeId, reason, reason, limit)
        .query(QuarantineStore::toBody)
        .list();
  }

  /**
   * Ids of the bodies refused with {@code reason} (any when null), oldest first, above {@code
   * afterId} and at most {@code upToId}: a bulk re-ingest walks them without holding bodies.
   */
  public List<Long> ids(long afterId, long upToId, String reason, int limit) {
    return reader
        .sql(
            "SELECT id FROM quarantine WHERE id > ? AND id <= ?"
                + " AND (CAST(? AS TEXT) IS NULL OR problem_code = ?) ORDER BY id LIMIT ?")
        .params(afterId, upToId, reason, reason, limit)
        .query(Long.class)
        .list();
  }

  /** The newest id, 0 when the quarantine is empty. */
  public long lastId() {
    return reader.sql("SELECT COALESCE(MAX(id), 0) FROM quarantine").query(Long.class).single();
  }

  /**
   * Removes every body refused with {@code reason} (any when null) whose id is below {@code
   * beforeId}, as the list would show them when asked; bodies that arrive meanwhile stay. Deletes
   * in writes of {@value #DELETE_BATCH}.
   *
   * @return how many were removed
   */
  public int deleteMatching(String reason, long beforeId) {
    long bound = Math.min(beforeId, lastId() + 1);
    int total = 0;
    int deleted;
    do {
      deleted =
          writer.write(
              session ->
                  session
                      .jdbc()
                      .sql(
                          "DELETE FROM quarantine WHERE id IN (SELECT id FROM quarantine"
                              + " WHERE id < ? AND (CAST(? AS TEXT) IS NULL OR problem_code = ?)"
                              + " LIMIT ?)")
                      .params(bound, reason, reason, DELETE_BATCH)
                      .update());
      total += deleted;
    } while (deleted == DELETE_BATCH);
    observeAfterDelete();
    return total;
  }

  public Optional<QuarantinedBody> find(long id) {
    return reader
        .sql("SELECT " + COLUMNS + " FROM quarantine WHERE id = ?")
        .param(id)
        .query(QuarantineStore::toBody)
        .optional();
  }

  /** Number of quarantined bodies, for the gauge. */
  public long count() {
    return reader.sql("SELECT COUNT(*) FROM quarantine").query(Long.class).single();
  }

  /**
   * Removes a quarantined body (after it was re-ingested, or by an operator); false when there is
   * none with this id. Safe to repeat.
   */
  public boolean delete(long id) {
    boolean deleted =
        writer.write(
                session ->
                    session.jdbc().sql("DELETE FROM quarantine WHERE id = ?").param(id).update())
            == 1;
    if (deleted) {
      observeAfterDelete();
    }
    return deleted;
  }

  /** Re-arms the near-full warning once deletes have taken the quarantine below the mark. */
  private void observeAfterDelete() {
    // Only while armed: a bulk re-ingest deletes body after body, and each look is a full sum.
    if (alert.isNearFull()) {
      alert.observe(fill().ratio());
    }
  }

  /** How full the quarantine is, next to its caps. */
  public record Fill(long bodies, long bodyBytes, long sightings, int maxRows, long maxBytes) {

    /** The larger of the two shares of their caps, 0 to 1 (a full quarantine is at 1). */
    public double ratio() {
      return Math.max((double) bodies / maxRows, (double) bodyBytes / maxBytes);
    }

    /** Whether either share has reached {@link #NEAR_FULL}. */
    public boolean nearFull() {
      return ratio() >= NEAR_FULL;
    }
  }

  public Fill fill() {
    return reader
        .sql(
            "SELECT COUNT(*) AS n, COALESCE(SUM(body_bytes), 0) AS b,"
                + " COALESCE(SUM(seen_count), 0) AS s FROM quarantine")
        .query(
            (rs, row) ->
                new Fill(
                    rs.getLong("n"),
                    rs.getLong("b"),
                    rs.getLong("s"),
                    limits.maxRows(),
                    limits.maxBytes()))
        .single();
  }

  private static QuarantinedBody toBody(ResultSet rs, int row) throws SQLException {
    return new QuarantinedBody(
        rs.getLong("id"),
        rs.getString("problem_code"),
        rs.getString("detail"),
        rs.getString("content_type"),
        rs.getInt("body_bytes"),
        rs.getBytes("body"),
        rs.getBytes("body_sha256"),
        Instant.ofEpochMilli(rs.getLong("first_seen_at_ms")),
        Instant.ofEpochMilli(rs.getLong("last_seen_at_ms")),
        rs.getInt("seen_count"));
  }

  private record Usage(int rows, long bytes) {}
}
