package dev.maigw.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCheckerTest {

  private static final RequestIds IDS = new RequestIds("bench-check-");

  @TempDir Path dir;
  private Path file;

  /** Scenario 0, connection 0 sent 10 and had 0..7 acknowledged; connection 1 sent 5, all acked. */
  private final List<ConnectionLog> logs =
      List.of(new ConnectionLog(0, 0, 10, bits(0, 8)), new ConnectionLog(0, 1, 5, bits(0, 5)));

  @BeforeEach
  void createTableWithoutUniqueKey() throws SQLException {
    file = dir.resolve("maigw.db");
    execute("CREATE TABLE messages (id INTEGER PRIMARY KEY, message_id TEXT NOT NULL)");
  }

  @Test
  void passesWhenEveryAcknowledgedIdIsStoredOnce() throws SQLException {
    store(0, 0, 0, 8);
    store(0, 0, 9, 10); // sent, not acknowledged, stored anyway: allowed
    store(0, 1, 0, 5);
    insert("bench-other-0000000000001"); // another run's id: ignored

    CheckResult result = check();

    assertThat(result.passed()).isTrue();
    assertThat(result.acknowledged()).isEqualTo(13);
    assertThat(result.sent()).isEqualTo(15);
    assertThat(result.storedRows()).isEqualTo(14);
    assertThat(result.verdict())
        .isEqualTo(
            "PASS: acknowledged 13, sent 15, stored rows 14, distinct 14, missing 0, duplicates 0,"
                + " not sent but stored 0");
  }

  @Test
  void failsWhenAnAcknowledgedIdIsMissing() throws SQLException {
    store(0, 0, 0, 3);
    store(0, 0, 4, 8);
    store(0, 1, 0, 5);

    CheckResult result = check();

    assertThat(result.passed()).isFalse();
    assertThat(result.missing()).isEqualTo(1);
    assertThat(result.missingExamples()).containsExactly("bench-check-0000000000003");
    assertThat(result.verdict()).startsWith("FAIL: ").endsWith("[bench-check-0000000000003]");
  }

  @Test
  void failsWhenAnIdIsStoredTwice() throws SQLException {
    store(0, 0, 0, 8);
    store(0, 1, 0, 5);
    store(0, 1, 2, 3);

    CheckResult result = check();

    assertThat(result.passed()).isFalse();
    assertThat(result.duplicates()).isEqualTo(1);
    assertThat(result.storedRows() - result.storedDistinct()).isEqualTo(1);
  }

  @Test
  void failsWhenAnIdIsStoredThatWasNeverSent() throws SQLException {
    store(0, 0, 0, 8);
    store(0, 1, 0, 5);
    store(0, 1, 5, 6); // connection 1 sent only 0..4
    store(1, 0, 0, 1); // scenario 1 was not a durable scenario

    CheckResult result = check();

    assertThat(result.passed()).isFalse();
    assertThat(result.unexpected()).isEqualTo(2);
  }

  @Test
  void failsWhenNothingWasAcknowledged() throws SQLException {
    try (Connection connection = StoreChecker.openSqliteReadOnly(file)) {
      CheckResult result =
          StoreChecker.check(connection, IDS, List.of(new ConnectionLog(0, 0, 3, new BitSet())));

      assertThat(result.passed()).isFalse();
      assertThat(result.verdict()).startsWith("FAIL (nothing was acknowledged): ");
    }
  }

  @Test
  void opensTheFileReadOnly() throws SQLException {
    try (Connection connection = StoreChecker.openSqliteReadOnly(file);
        Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.execute("DELETE FROM messages"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("readonly");
    }
  }

  @Test
  void refusesMissingFile() {
    Path missing = dir.resolve("nope.db");

    assertThatThrownBy(() -> StoreChecker.openSqliteReadOnly(missing))
        .isInstanceOf(BenchmarkException.class)
        .hasMessage("SQLite database file does not exist: " + missing);
  }

  @Test
  void reportsMissingTable() throws SQLException {
    execute("DROP TABLE messages");
    try (Connection connection = StoreChecker.openSqliteReadOnly(file)) {
      assertThatThrownBy(() -> StoreChecker.check(connection, IDS, logs))
          .isInstanceOf(BenchmarkException.class)
          .hasMessage("Cannot read stored message ids from table: messages");
    }
  }

  private CheckResult check() throws SQLException {
    try (Connection connection = StoreChecker.openSqliteReadOnly(file)) {
      return StoreChecker.check(connection, IDS, logs);
    }
  }

  private void store(int scenario, int connection, int fromSequence, int toSequence)
      throws SQLException {
    for (int s = fromSequence; s < toSequence; s++) {
      insert(IDS.idOf(RequestIds.number(scenario, connection, s)));
    }
  }

  private void insert(String messageId) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement insert =
            connection.prepareStatement("INSERT INTO messages (message_id) VALUES (?)")) {
      insert.setString(1, messageId);
      insert.executeUpdate();
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static BitSet bits(int from, int to) {
    BitSet bits = new BitSet();
    bits.set(from, to);
    return bits;
  }
}
