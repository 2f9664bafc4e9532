package dev.maigw.gateway.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The writer's connection inside one transaction. Ordinary statements go through {@link #jdbc()};
 * the few statements run for every webhook use {@link #prepared(String)}, which keeps them compiled
 * for the life of the connection (SQLite otherwise re-parses the SQL for every row).
 */
public final class WriteSession implements AutoCloseable {

  private final Connection connection;
  private final JdbcClient jdbc;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private final List<Runnable> afterCommit = new ArrayList<>();
  private final Map<Object, Object> transactionValues = new HashMap<>();

  WriteSession(Connection connection) {
    this.connection = connection;
    this.jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
  }

  Connection connection() {
    return connection;
  }

  public JdbcClient jdbc() {
    return jdbc;
  }

  /** A cached statement for {@code sql}, parameters cleared. Do not close it. */
  public PreparedStatement prepared(String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    } else {
      statement.clearParameters();
    }
    return statement;
  }

  /**
   * Runs {@code action} once the current transaction has committed (never if it rolls back), on the
   * writer thread: keep it short and non-blocking, e.g. waking waiters.
   */
  public void afterCommit(Runnable action) {
    afterCommit.add(action);
  }

  /**
   * A value kept for the rest of the current transaction (e.g. something checked once per batch
   * rather than once per row), or null.
   */
  public Object transactionValue(Object key) {
    return transactionValues.get(key);
  }

  public void putTransactionValue(Object key, Object value) {
    transactionValues.put(key, value);
  }

  /**
   * Hands out the actions of the transaction that just ended (committed or not) and forgets them
   * and its values.
   */
  List<Runnable> takeAfterCommit() {
    List<Runnable> actions = List.copyOf(afterCommit);
    afterCommit.clear();
    transactionValues.clear();
    return actions;
  }

  /** Closes the cached statements; the connection itself belongs to the writer. */
  @Override
  public void close() {
    for (PreparedStatement statement : statements.values()) {
      try {
        statement.close();
      } catch (SQLException e) {
        // The connection is being discarded; nothing more to release.
      }
    }
    statements.clear();
  }
}
