package dev.maigw.gateway.storage;

import dev.maigw.gateway.system.InvalidSettingException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Everything that differs between SQLite and PostgreSQL. SQL elsewhere is written once and runs on
 * both ({@code INSERT … ON CONFLICT}, {@code RETURNING}); migrations live per dialect under {@code
 * db/migration/<name>} and change together.
 */
public enum Dialect {
  SQLITE("sqlite"),
  POSTGRESQL("postgresql");

  /** Advisory lock key that serialises write batches across gateway instances. */
  private static final long WRITE_ORDER_LOCK = 0x6d6169677731L;

  private final String migrationFolder;

  Dialect(String migrationFolder) {
    this.migrationFolder = migrationFolder;
  }

  /** Chooses the dialect for a JDBC URL. */
  public static Dialect forJdbcUrl(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new InvalidSettingException(
        "MAIGW_DB_URL",
        "'" + withoutCredentials(jdbcUrl) + "' is not a jdbc:postgresql: or jdbc:sqlite: URL",
        "use jdbc:postgresql://host:5432/database, or leave it empty for the embedded SQLite file");
  }

  /** A JDBC URL without its query (which may carry a password), for messages. */
  private static String withoutCredentials(String jdbcUrl) {
    int query = jdbcUrl.indexOf('?');
    return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?…";
  }

  public String migrationLocation() {
    return "classpath:db/migration/" + migrationFolder;
  }

  /**
   * Opens a write transaction on {@code connection}. SQLite: {@code BEGIN IMMEDIATE} takes the
   * write lock up front, so the transaction never fails half-way on a lock upgrade. PostgreSQL:
   * {@code synchronous_commit} is forced on so an acknowledged write survives a crash, and a
   * transaction-scoped advisory lock makes identity values (the read cursor) follow commit order
   * across gateway instances.
   */
  void begin(Connection connection) throws SQLException {
    if (this == SQLITE) {
      execute(connection, "BEGIN IMMEDIATE");
      return;
    }
    connection.setAutoCommit(false);
    execute(connection, "SET LOCAL synchronous_commit = on");
    execute(connection, "SELECT pg_advisory_xact_lock(" + WRITE_ORDER_LOCK + ")");
  }

  void commit(Connection connection) throws SQLException {
    if (this == SQLITE) {
      execute(connection, "COMMIT");
      return;
    }
    connection.commit();
    connection.setAutoCommit(true);
  }

  /** Rolls back whatever is open; never throws (the connection is discarded if this fails). */
  boolean rollbackQuietly(Connection connection) {
    try {
      if (this == SQLITE) {
        execute(connection, "ROLLBACK");
      } else {
        connection.rollback();
        connection.setAutoCommit(true);
      }
      return true;
    } catch (SQLException e) {
      // SQLite answers "no transaction is active" when BEGIN itself failed; nothing to undo.
      return e.getMessage() != null && e.getMessage().contains("no transaction is active");
    }
  }

  /**
   * SQLite: refreshes the query planner's statistics for tables that have grown or shrunk a lot
   * since they were last measured (or never were), sampling at most about a thousand rows per index
   * so it stays quick on any size of store. Without statistics SQLite guesses, and on a long
   * history some guesses walk a target's every delivery instead of its few recent attempts.
   * PostgreSQL: autovacuum keeps its statistics; nothing to do.
   */
  void optimize(Connection connection) throws SQLException {
    if (this != SQLITE) {
      return;
    }
    execute(connection, "PRAGMA analysis_limit = 1000");
    execute(connection, "PRAGMA optimize = 0x10002");
  }

  /**
   * SQLite: copies the whole log into the database and truncates it to zero bytes, on the writer's
   * connection outside any transaction. It does not wait: with the busy timeout at zero for the
   * call, a reader still using the log makes it return at once. True when the log was truncated;
   * false when it must be tried again later. PostgreSQL: nothing to do.
   */
  boolean checkpoint(Connection connection) throws SQLException {
    if (this != SQLITE) {
      return true;
    }
    try (Statement statement = connection.createStatement()) {
      int busyTimeoutMs;
      try (ResultSet rs = statement.executeQuery("PRAGMA busy_timeout")) {
        busyTimeoutMs = rs.next() ? rs.getInt(1) : 0;
      }
      statement.execute("PRAGMA busy_timeout = 0");
      try (ResultSet rs = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
        // Columns: busy (1 when a reader or writer was in the way), log frames, checkpointed.
        return rs.next() && rs.getInt(1) == 0;
      } finally {
        statement.execute("PRAGMA busy_timeout = " + busyTimeoutMs);
      }
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /**
   * Whether a write failure means "the store cannot write now" (retry later) rather than "this
   * particular write is wrong". Walks the cause chain.
   */
  boolean isUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLiteException sqlite && isTransient(sqlite.getResultCode())) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        // 08 connection, 53 resources, 57 operator intervention, 58 system error, 55P03 lock.
        if (state.startsWith("08")
            || state.startsWith("53")
            || state.startsWith("57")
            || state.startsWith("58")
            || state.equals("55P03")) {
          return true;
        }
      }
      if (t instanceof org.springframework.dao.TransientDataAccessException
          || t instanceof org.springframework.dao.DataAccessResourceFailureException) {
        return true;
      }
    }
    return false;
  }

  /**
   * A short, data-free name for a store failure, for health details: the SQLite result code or the
   * SQL state when there is one, else the exception's type.
   */
  static String describe(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLiteException sqlite) {
        return sqlite.getResultCode().name();
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return "SQL state " + sql.getSQLState();
      }
    }
    return failure.getClass().getSimpleName();
  }

  private static boolean isTransient(SQLiteErrorCode code) {
    String name = code.name();
    return name.startsWith("SQLITE_BUSY")
        || name.startsWith("SQLITE_LOCKED")
        || name.startsWith("SQLITE_IOERR")
        || name.startsWith("SQLITE_FULL")
        || name.startsWith("SQLITE_READONLY")
        || name.startsWith("SQLITE_CANTOPEN")
        || name.startsWith("SQLITE_NOMEM");
  }

  /**
   * Refuses to start on settings that would break "200 means stored": checked against the writer
   * connection (the file's integrity check is {@link SqliteQuickCheck}'s, with a time budget).
   */
  void verifyDurabilitySettings(JdbcClient writer) {
    if (this == SQLITE) {
      expect(writer, "PRAGMA journal_mode", "wal");
      expect(writer, "PRAGMA synchronous", "2");
      expect(writer, "PRAGMA foreign_keys", "1");
    } else {
      for (Map.Entry<String, String> setting :
          Map.of("fsync", "on", "full_page_writes", "on").entrySet()) {
        expect(writer, "SHOW " + setting.getKey(), setting.getValue());
      }
    }
  }

  private static void expect(JdbcClient jdbc, String query, String expected) {
    String actual = String.valueOf(jdbc.sql(query).query().singleValue());
    if (!expected.equalsIgnoreCase(actual)) {
      throw new IllegalStateException(
          "Database check failed: "
              + query
              + " returned '"
              + actual
              + "', need '"
              + expected
              + "'.");
    }
  }
}
