package dev.maigw.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start's integrity check of a real SQLite file ends within its budget, whatever the size. */
class SqliteQuickCheckTest {

  @TempDir Path dir;
  private String url;

  @BeforeEach
  void fill() throws Exception {
    url = "jdbc:sqlite:" + dir.resolve("check.db");
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)");
      statement.execute("CREATE INDEX t_body ON t (body)");
      connection.setAutoCommit(false);
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO t (body) VALUES (?)")) {
        for (int i = 0; i < 20_000; i++) {
          insert.setString(1, "row " + i + " ".repeat(200));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      connection.commit();
    }
  }

  @Test
  void finishesOnAHealthyFileWithinAGenerousBudget() throws Exception {
    try (Connection connection = DriverManager.getConnection(url)) {
      assertThat(SqliteQuickCheck.run(connection, Duration.ofSeconds(30))).isTrue();
    }
  }

  @Test
  void stopsAtTheBudgetAndLeavesTheConnectionUsable() throws Exception {
    try (Connection connection = DriverManager.getConnection(url)) {
      boolean finished = SqliteQuickCheck.run(connection, Duration.ofNanos(1));

      assertThat(finished).as("cut short").isFalse();
      try (Statement statement = connection.createStatement();
          var rs = statement.executeQuery("SELECT count(*) FROM t")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1))
            .as("no handler left behind to interrupt later queries")
            .isEqualTo(20_000);
      }
    }
  }

  @Test
  void aZeroBudgetSkipsTheCheck() throws Exception {
    try (Connection connection = DriverManager.getConnection(url)) {
      assertThat(SqliteQuickCheck.run(connection, Duration.ZERO)).isFalse();
    }
  }
}
