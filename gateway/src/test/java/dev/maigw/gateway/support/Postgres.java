package dev.maigw.gateway.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server (embedded binaries, started once per test JVM) that hands out a fresh
 * database per caller.
 */
public final class Postgres {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private Postgres() {}

  /** Gateway properties pointing at a new, empty database. */
  public static synchronized Map<String, String> freshDatabase() {
    String name = "maigw_test_" + DATABASES.incrementAndGet();
    try (Connection admin = server().getPostgresDatabase().getConnection();
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database " + name, e);
    }
    return Map.of(
        "maigw.storage.db-url", server().getJdbcUrl("postgres", name),
        "maigw.storage.db-user", "postgres",
        "maigw.storage.db-password", "");
  }

  /** A plain connection to a fresh database, for tests below the gateway. */
  public static Connection connect(Map<String, String> database) throws SQLException {
    return java.sql.DriverManager.getConnection(
        database.get("maigw.storage.db-url"), "postgres", "");
  }

  private static EmbeddedPostgres server() {
    if (server == null) {
      try {
        // The embedded defaults turn durability off for speed; the gateway refuses that.
        server =
            EmbeddedPostgres.builder()
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(Postgres::stop));
    }
    return server;
  }

  private static void stop() {
    try {
      server.close();
    } catch (IOException e) {
      // The JVM is exiting; the temporary server directory is removed either way.
    }
  }
}
