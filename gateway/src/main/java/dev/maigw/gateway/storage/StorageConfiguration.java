package dev.maigw.gateway.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.maigw.gateway.system.GatewayProperties;
import dev.maigw.gateway.system.InvalidSettingException;
import dev.maigw.gateway.system.Loops;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Builds the data sources for the chosen dialect, migrates the schema, checks the durability
 * settings and starts the writer. SQLite gets one writer connection (SQLite allows one writer at a
 * time) and a small pool of readers; PostgreSQL gets one pool for both.
 */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

  static final String SQLITE_FILE_NAME = "maigw.db";
  private static final int SQLITE_READERS = 4;
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  @Bean
  Dialect dialect(StorageProperties storage) {
    return storage.usesServerDatabase() ? Dialect.forJdbcUrl(storage.dbUrl()) : Dialect.SQLITE;
  }

  @Bean(destroyMethod = "close")
  @Qualifier("writer")
  HikariDataSource writeDataSource(
      StorageProperties storage,
      SqliteProperties sqlite,
      GatewayProperties gateway,
      Dialect dialect)
      throws IOException {
    if (dialect != Dialect.SQLITE) {
      return migrated(serverPool(storage, "maigw-write"), dialect, Duration.ZERO);
    }
    Path file = sqliteFile(gateway);
    ownerOnly(file);
    try {
      return migrated(
          sqlitePool(file, storage, sqlite, true, 1), dialect, sqlite.startupCheckBudget());
    } catch (RuntimeException e) {
      if (isUnreadableFile(e)) {
        throw new InvalidSettingException(
            "MAIGW_DATA_DIR",
            "the database file "
                + file
                + " is not a readable SQLite database ("
                + rootCause(e)
                + ")",
            "restore it from a backup, or move it aside to start with an empty store",
            e);
      }
      throw e;
    }
  }

  private static HikariDataSource migrated(
      HikariDataSource dataSource, Dialect dialect, Duration integrityCheckBudget) {
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations(dialect.migrationLocation())
          .load()
          .migrate();
      dialect.verifyDurabilitySettings(JdbcClient.create(dataSource));
      try (Connection connection = dataSource.getConnection()) {
        if (dialect == Dialect.SQLITE) {
          SqliteQuickCheck.run(connection, integrityCheckBudget);
        }
        // A store restored from a backup or filled elsewhere gets statistics before any query.
        dialect.optimize(connection);
      }
      return dataSource;
    } catch (SQLException e) {
      dataSource.close();
      throw new IllegalStateException("Refreshing the query planner's statistics failed.", e);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  /** Whether SQLite said the file is no database, or damaged (a failed quick_check included). */
  private static boolean isUnreadableFile(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLiteException sqlite
          && (sqlite.getResultCode() == SQLiteErrorCode.SQLITE_NOTADB
              || sqlite.getResultCode().name().startsWith("SQLITE_CORRUPT"))) {
        return true;
      }
      if (t.getMessage() != null && t.getMessage().contains("PRAGMA quick_check")) {
        return true;
      }
    }
    return false;
  }

  private static String rootCause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  /** Readers for queries. On PostgreSQL this is the same pool as the writer's. */
  @Bean
  @Primary
  DataSource readDataSource(
      StorageProperties storage,
      SqliteProperties sqlite,
      GatewayProperties gateway,
      Dialect dialect,
      @Qualifier("writer") HikariDataSource writeDataSource) {
    if (dialect == Dialect.SQLITE) {
      return sqlitePool(sqliteFile(gateway), storage, sqlite, false, SQLITE_READERS);
    }
    return writeDataSource;
  }

  @Bean
  @Primary
  JdbcClient jdbcClient(DataSource readDataSource) {
    return JdbcClient.create(readDataSource);
  }

  @Bean(destroyMethod = "close")
  GroupCommitWriter groupCommitWriter(
      @Qualifier("writer") HikariDataSource writeDataSource,
      Dialect dialect,
      StorageProperties storage,
      SqliteProperties sqlite,
      MeterRegistry meters,
      Clock clock,
      Loops loops) {
    return new GroupCommitWriter(writeDataSource, dialect, storage, sqlite, meters, clock, loops);
  }

  /**
   * Creates the database file readable and writable by its owner only (0600), and tightens an
   * existing one: it holds every reply and the targets' secrets. SQLite gives the {@code -wal} and
   * {@code -shm} files it creates the database file's permissions.
   */
  private static void ownerOnly(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.setPosixFilePermissions(file, OWNER_ONLY);
      }
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the file inherits the data directory's access list.
    } catch (IOException e) {
      throw new InvalidSettingException(
          "MAIGW_DATA_DIR",
          "the database file " + file + " cannot be created or restricted (" + e + ")",
          "give the gateway's user a writable data directory",
          e);
    }
  }

  private static Path sqliteFile(GatewayProperties gateway) {
    try {
      Path dir = Files.createDirectories(gateway.dataDir());
      return dir.resolve(SQLITE_FILE_NAME).toAbsolutePath();
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot create data directory " + gateway.dataDir().toAbsolutePath(), e);
    }
  }

  static HikariDataSource sqlitePool(
      Path file, StorageProperties storage, boolean writer, int size) {
    return sqlitePool(file, storage, SqliteProperties.defaults(), writer, size);
  }

  static HikariDataSource sqlitePool(
      Path file, StorageProperties storage, SqliteProperties sqlite, boolean writer, int size) {
    SQLiteConfig config = new SQLiteConfig();
    // Whichever connection resets the log after a checkpoint cuts a file grown by a burst back.
    config.setJournalSizeLimit((int) Math.min(Integer.MAX_VALUE, sqlite.journalSizeLimitBytes()));
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout((int) storage.busyTimeout().toMillis());
    config.enforceForeignKeys(true);
    // 16 KiB pages: a batch of webhooks dirties fewer pages, so each commit appends fewer WAL
    // frames (one write each). Applies when the file is created.
    config.setPageSize(16_384);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + file);
    HikariConfig pool = new HikariConfig();
    pool.setDataSource(source);
    pool.setPoolName(writer ? "maigw-sqlite-write" : "maigw-sqlite-read");
    pool.setMaximumPoolSize(size);
    pool.setMinimumIdle(size);
    return new HikariDataSource(pool);
  }

  private static HikariDataSource serverPool(StorageProperties storage, String name) {
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(storage.dbUrl());
    pool.setUsername(storage.dbUser());
    pool.setPassword(storage.dbPassword());
    pool.setPoolName(name);
    pool.setMaximumPoolSize(storage.poolSize());
    pool.setConnectionTimeout(5_000);
    // A sick database turns into a quick 503 instead of a hang past the sender's timeout.
    pool.setConnectionInitSql(
        "SET statement_timeout = '5s'; SET lock_timeout = '2s';"
            + " SET idle_in_transaction_session_timeout = '30s'");
    return new HikariDataSource(pool);
  }
}
