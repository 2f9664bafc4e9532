package dev.maigw.gateway.delivery;

import dev.maigw.gateway.storage.GroupCommitWriter;
import dev.maigw.gateway.storage.WriteSession;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Targets, written through the group-commit writer. */
@Component
public class TargetStore {

  private static final String COLUMNS =
      "target_id, name, url, secret, message_types, conversation_filter, sender_filter,"
          + " content_filter, headers, timeout_ms, ordered, enabled, disabled_reason,"
          + " created_at_ms, updated_at_ms";

  private static final String INSERT =
      """
      INSERT INTO targets (target_id, secret, name, url, message_types, conversation_filter,
          sender_filter, content_filter, headers, timeout_ms, ordered, enabled, created_at_ms,
          updated_at_ms)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
      """;

  private static final String UPDATE_SETTINGS =
      """
      UPDATE targets SET name = ?, url = ?, message_types = ?, conversation_filter = ?,
          sender_filter = ?, content_filter = ?, headers = ?, timeout_ms = ?, ordered = ?,
          updated_at_ms = ?
      WHERE target_id = ?
      """;

  private static final String CANCEL_DELIVERIES =
      """
      UPDATE deliveries SET status = 'cancelled', lease_until_ms = NULL, lease_owner = NULL,
          last_error = 'The target was deleted.'
      WHERE target_id = ? AND status IN ('pending', 'dead')
      """;

  private final GroupCommitWriter writer;
  private final JdbcClient reader;
  private final JsonMapper json;
  private final Clock clock;

  TargetStore(GroupCommitWriter writer, JdbcClient reader, JsonMapper json, Clock clock) {
    this.writer = writer;
    this.reader = reader;
    this.json = json;
    this.clock = clock;
  }

  /** Creates a target; fails with a unique-key error when the id is taken. */
  Target create(TargetSettings settings, String id, String secret) {
    change(jdbc -> jdbc.sql(INSERT).params(insertValues(settings, id, secret)).update());
    return find(id).orElseThrow();
  }

  /**
   * Creates the target with this fixed id, or, when it exists already (say another instance
   * starting at the same moment created it), updates its settings, and its secret unless {@code
   * keepSecret}. Never fails on the id being taken, so it is safe to repeat and to race.
   *
   * @return whether this call created it
   */
  boolean createOrUpdate(TargetSettings settings, String id, String secret, boolean keepSecret) {
    List<Object> insert = insertValues(settings, id, secret);
    List<Object> update = new ArrayList<>(settingsValues(settings));
    update.addAll(List.of(clock.millis(), id));
    return change(
        jdbc -> {
          if (jdbc.sql(INSERT + " ON CONFLICT (target_id) DO NOTHING").params(insert).update()
              == 1) {
            return true;
          }
          jdbc.sql(UPDATE_SETTINGS).params(update).update();
          if (!keepSecret) {
            jdbc.sql("UPDATE targets SET secret = ? WHERE target_id = ?")
                .params(secret, id)
                .update();
          }
          return false;
        });
  }

  private List<Object> insertValues(TargetSettings settings, String id, String secret) {
    long now = clock.millis();
    List<Object> params = new ArrayList<>(List.of(id, secret));
    params.addAll(settingsValues(settings));
    params.addAll(List.of(now, now));
    return params;
  }

  /** Replaces a target's settings (not its secret or state); false when it does not exist. */
  boolean update(String id, TargetSettings settings) {
    List<Object> params = new ArrayList<>(settingsValues(settings));
    params.addAll(List.of(clock.millis(), id));
    return change(jdbc -> jdbc.sql(UPDATE_SETTINGS).params(params).update()) == 1;
  }

  /**
   * The settings' column values, in the order name, url, message_types, conversation_filter,
   * sender_filter, content_filter, headers, timeout_ms, ordered (filters may be null).
   */
  private List<Object> settingsValues(TargetSettings settings) {
    return Arrays.asList(
        settings.name(),
        settings.url(),
        String.join(",", settings.messageTypes()),
        settings.conversationFilter(),
        settings.senderFilter(),
        settings.contentFilter(),
        json.writeValueAsString(settings.headers()),
        settings.timeout().toMillis(),
        settings.ordered() ? 1 : 0);
  }

  /** Turns delivery to a target on or off; {@code reason} says why it was turned off. */
  public boolean setEnabled(String id, boolean enabled, String reason) {
    long now = clock.millis();
    return change(jdbc -> setEnabled(jdbc, id, enabled, reason, now)) == 1;
  }

  /**
   * The statement behind {@link #setEnabled(String, boolean, String)}, for a transaction that is
   * already open (a 410 answer disables its target in the attempt's own commit); the caller marks
   * the change. Returns the rows changed.
   */
  static int setEnabled(JdbcClient jdbc, String id, boolean enabled, String reason, long now) {
    return jdbc.sql(
            "UPDATE targets SET enabled = ?, disabled_reason = ?, updated_at_ms = ?"
                + " WHERE target_id = ?")
        .params(enabled ? 1 : 0, enabled ? null : reason, now, id)
        .update();
  }

  /**
   * Deletes a target and, in the same transaction, cancels its deliveries that are not delivered
   * (pending, or dead and so replayable): kept for history, never sent, so a target recreated under
   * the same id (configured ones are {@code cfg-<name>}) revives nothing.
   */
  boolean delete(String id) {
    return change(
            jdbc -> {
              int deleted = jdbc.sql("DELETE FROM targets WHERE target_id = ?").param(id).update();
              jdbc.sql(CANCEL_DELIVERIES).param(id).update();
              return deleted;
            })
        == 1;
  }

  /** Runs a change to the targets and bumps their version in the same transaction. */
  private <T> T change(Function<JdbcClient, T> statement) {
    return writer.write(
        session -> {
          T result = statement.apply(session.jdbc());
          markChanged(session);
          return result;
        });
  }

  /**
   * Bumps the targets' version inside the caller's transaction; every transaction that changes a
   * target must, so that recorders on every instance notice (see {@link EnabledTargets}).
   */
  static void markChanged(WriteSession session) {
    session.jdbc().sql("UPDATE targets_version SET version = version + 1 WHERE id = 1").update();
    // A message later in this transaction must see the change, not the list checked before it.
    EnabledTargets.forgetChecked(session);
  }

  /** The targets' version, read through {@code jdbc} (the reader, or a write transaction's). */
  static long version(JdbcClient jdbc) {
    return jdbc.sql("SELECT version FROM targets_version WHERE id = 1").query(Long.class).single();
  }

  long version() {
    return version(reader);
  }

  public Optional<Target> find(String id) {
    return reader
        .sql("SELECT " + COLUMNS + " FROM targets WHERE target_id = ?")
        .param(id)
        .query(this::toTarget)
        .optional();
  }

  public List<Target> list() {
    return list(reader);
  }

  /** A target's place in the oldest-first order: the keyset {@code GET /api/targets} pages by. */
  record Position(long createdAtMs, String targetId) {
    static Position of(Target t) {
      return new Position(t.createdAt().toEpochMilli(), t.id());
    }
  }

  /** Up to {@code limit} targets after {@code after} (null: from the first), oldest first. */
  List<Target> page(Position after, int limit) {
    if (after == null) {
      return reader
          .sql("SELECT " + COLUMNS + " FROM targets ORDER BY created_at_ms, target_id LIMIT ?")
          .param(limit)
          .query(this::toTarget)
          .list();
    }
    return reader
        .sql(
            "SELECT "
                + COLUMNS
                + " FROM targets WHERE (created_at_ms, target_id) > (?, ?)"
                + " ORDER BY created_at_ms, target_id LIMIT ?")
        .params(after.createdAtMs(), after.targetId(), limit)
        .query(this::toTarget)
        .list();
  }

  /** Every target, read through {@code jdbc} (the reader, or a write transaction's). */
  List<Target> list(JdbcClient jdbc) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM targets ORDER BY created_at_ms, target_id")
        .query(this::toTarget)
        .list();
  }

  private Target toTarget(ResultSet rs, int row) throws SQLException {
    String types = rs.getString("message_types");
    return new Target(
        rs.getString("target_id"),
        rs.getString("name"),
        rs.getString("url"),
        rs.getString("secret"),
        types.isEmpty() ? List.of() : Arrays.asList(types.split(",")),
        rs.getString("conversation_filter"),
        rs.getString("sender_filter"),
        rs.getString("content_filter"),
        json.readValue(rs.getString("headers"), new TypeReference<Map<String, String>>() {}),
        Duration.ofMillis(rs.getLong("timeout_ms")),
        rs.getInt("ordered") == 1,
        rs.getInt("enabled") == 1,
        rs.getString("disabled_reason"),
        Instant.ofEpochMilli(rs.getLong("created_at_ms")),
        Instant.ofEpochMilli(rs.getLong("updated_at_ms")));
  }
}
