package dev.maigw.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.Postgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DialectTest {

  @Test
  void postgresWriteTransactionsTakeCursorsInCommitOrder() throws Exception {
    Map<String, String> database = Postgres.freshDatabase();
    try (Connection first = Postgres.connect(database);
        Connection second = Postgres.connect(database)) {
      try (Statement ddl = first.createStatement()) {
        ddl.execute("CREATE TABLE t (seq BIGINT GENERATED ALWAYS AS IDENTITY, v TEXT)");
      }
      Dialect.POSTGRESQL.begin(first);
      long firstSeq = insert(first, "first");

      CompletableFuture<Long> secondSeq =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  Dialect.POSTGRESQL.begin(second);
                  long seq = insert(second, "second");
                  Dialect.POSTGRESQL.commit(second);
                  return seq;
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });

      // While the first transaction is open the second may not even take its cursor; otherwise
      // it could commit a higher cursor first and a reader would skip the first row.
      Thread.sleep(500);
      assertThat(secondSeq).isNotDone();
      Dialect.POSTGRESQL.commit(first);
      assertThat(secondSeq.get(5, TimeUnit.SECONDS)).isGreaterThan(firstSeq);
    }
  }

  @Test
  void sqliteLockErrorsCountAsUnavailable() {
    var busy = new org.sqlite.SQLiteException("locked", org.sqlite.SQLiteErrorCode.SQLITE_BUSY);
    var constraint =
        new org.sqlite.SQLiteException("unique", org.sqlite.SQLiteErrorCode.SQLITE_CONSTRAINT);

    assertThat(Dialect.SQLITE.isUnavailable(new RuntimeException(busy))).isTrue();
    assertThat(Dialect.SQLITE.isUnavailable(new RuntimeException(constraint))).isFalse();
  }

  @Test
  void postgresConnectionErrorsCountAsUnavailable() {
    assertThat(Dialect.POSTGRESQL.isUnavailable(new java.sql.SQLException("down", "08006")))
        .isTrue();
    assertThat(Dialect.POSTGRESQL.isUnavailable(new java.sql.SQLException("dup", "23505")))
        .isFalse();
  }

  private static long insert(Connection connection, String value) throws Exception {
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery("INSERT INTO t (v) VALUES ('" + value + "') RETURNING seq")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
