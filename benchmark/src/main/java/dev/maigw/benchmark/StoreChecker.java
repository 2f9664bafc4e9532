package dev.maigw.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/**
 * Checks the gateway's store after a run, read-only: every acknowledged id is present, no id is
 * stored twice, and every stored id of this run was sent to the durable endpoint.
 */
final class StoreChecker {

  private static final int MAX_EXAMPLES = 5;
  private static final String COUNT_SQL =
      "SELECT COUNT(*), COUNT(DISTINCT %2$s) FROM %1$s WHERE %2$s LIKE ?"
          .formatted(GatewaySchema.MESSAGES_TABLE, GatewaySchema.MESSAGE_ID_COLUMN);
  private static final String IDS_SQL =
      "SELECT %2$s FROM %1$s WHERE %2$s LIKE ?"
          .formatted(GatewaySchema.MESSAGES_TABLE, GatewaySchema.MESSAGE_ID_COLUMN);

  private StoreChecker() {}

  /**
   * Opens a SQLite database file read-only.
   *
   * @throws BenchmarkException if the file does not exist or cannot be opened
   */
  static Connection openSqliteReadOnly(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BenchmarkException("SQLite database file does not exist: " + file);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(5_000);
    try {
      return DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
    } catch (SQLException e) {
      throw new BenchmarkException("Cannot open SQLite database read-only: " + file, e);
    }
  }

  /**
   * Opens any JDBC database (e.g. {@code jdbc:postgresql://127.0.0.1/maigw?user=...}) and marks the
   * connection read-only.
   */
  static Connection openJdbcReadOnly(String url) {
    try {
      Connection connection = DriverManager.getConnection(url);
      connection.setReadOnly(true);
      // PostgreSQL streams a large result only inside a transaction.
      connection.setAutoCommit(false);
      return connection;
    } catch (SQLException e) {
      throw new BenchmarkException("Cannot open JDBC database: " + url.replaceAll("\\?.*", ""), e);
    }
  }

  /**
   * Compares what was sent and acknowledged to what is stored under this run's prefix.
   *
   * @param durableLogs the connection logs of the scenarios that loaded the durable endpoint
   * @throws BenchmarkException if the table cannot be read
   */
  static CheckResult check(Connection connection, RequestIds ids, List<ConnectionLog> durableLogs) {
    Map<Integer, ConnectionLog> sentBy = new HashMap<>();
    Map<Integer, BitSet> storedBy = new HashMap<>();
    for (ConnectionLog log : durableLogs) {
      sentBy.put(log.key(), log);
      storedBy.put(log.key(), new BitSet());
    }
    long rows = 0;
    long distinct = 0;
    long duplicates = 0;
    long unexpected = 0;
    String pattern = ids.prefix() + "%";
    try (PreparedStatement count = connection.prepareStatement(COUNT_SQL);
        PreparedStatement select = connection.prepareStatement(IDS_SQL)) {
      count.setString(1, pattern);
      try (ResultSet result = count.executeQuery()) {
        result.next();
        rows = result.getLong(1);
        distinct = result.getLong(2);
      }
      select.setString(1, pattern);
      select.setFetchSize(10_000);
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          long number = ids.numberOf(result.getString(1));
          int key =
              ConnectionLog.key(RequestIds.scenarioOf(number), RequestIds.connectionOf(number));
          ConnectionLog log = number < 0 ? null : sentBy.get(key);
          int sequence = (int) RequestIds.sequenceOf(number);
          if (log == null || sequence >= log.sent()) {
            unexpected++;
          } else if (storedBy.get(key).get(sequence)) {
            duplicates++;
          } else {
            storedBy.get(key).set(sequence);
          }
        }
      }
    } catch (SQLException e) {
      throw new BenchmarkException(
          "Cannot read stored message ids from table: " + GatewaySchema.MESSAGES_TABLE, e);
    }
    return summarize(ids, durableLogs, storedBy, rows, distinct, duplicates, unexpected);
  }

  private static CheckResult summarize(
      RequestIds ids,
      List<ConnectionLog> logs,
      Map<Integer, BitSet> storedBy,
      long rows,
      long distinct,
      long duplicates,
      long unexpected) {
    long acknowledged = 0;
    long sent = 0;
    long missing = 0;
    List<String> examples = new ArrayList<>();
    for (ConnectionLog log : logs) {
      acknowledged += log.acknowledged().cardinality();
      sent += log.sent();
      BitSet lost = (BitSet) log.acknowledged().clone();
      lost.andNot(storedBy.get(log.key()));
      missing += lost.cardinality();
      for (int s = lost.nextSetBit(0);
          s >= 0 && examples.size() < MAX_EXAMPLES;
          s = lost.nextSetBit(s + 1)) {
        examples.add(ids.idOf(RequestIds.number(log.scenario(), log.connection(), s)));
      }
    }
    // Duplicates counted by the database and by the scan agree unless the prefix matched ids
    // of another shape; report whichever is larger.
    long duplicateRows = Math.max(duplicates, rows - distinct);
    return new CheckResult(
        acknowledged,
        sent,
        rows,
        distinct,
        missing,
        duplicateRows,
        unexpected,
        List.copyOf(examples));
  }
}
