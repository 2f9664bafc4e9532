package dev.maigw.gateway.backup;

import dev.maigw.gateway.storage.Dialect;
import dev.maigw.gateway.system.GatewayProperties;
import dev.maigw.gateway.system.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Copies the live SQLite store with {@code VACUUM INTO} on a reader connection: one read
 * transaction, so the copy is the store as of one commit, taken while intake keeps committing (WAL
 * readers never block the writer). The copy is created owner-only (0600) before SQLite fills it,
 * never replaces an existing file, is flushed to disk (SQLite does not sync it) and is checked with
 * {@code PRAGMA integrity_check} before it is reported. One backup runs at a time.
 */
@Component
class SqliteBackup {

  private static final Logger log = LoggerFactory.getLogger(SqliteBackup.class);

  /** A plain file name: no directory part, so a caller can never leave the backup directory. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private final Dialect dialect;
  private final DataSource reader;
  private final Path dir;
  private final Clock clock;
  private final ReentrantLock running = new ReentrantLock();

  SqliteBackup(
      Dialect dialect,
      DataSource reader,
      BackupProperties backup,
      GatewayProperties gateway,
      Clock clock) {
    this.dialect = dialect;
    this.reader = reader;
    this.dir =
        (backup.dir() != null && !backup.dir().toString().isEmpty()
                ? backup.dir()
                : gateway.dataDir().resolve("backups"))
            .toAbsolutePath()
            .normalize();
    this.clock = clock;
  }

  /**
   * Writes a copy named {@code name} (or {@code maigw-<UTC time>.db} when null) into the backup
   * directory and returns it.
   *
   * @throws BackupException when the name is not a plain file name, the file exists, another backup
   *     is running, or the store is PostgreSQL
   */
  Backup create(String name) {
    if (dialect != Dialect.SQLITE) {
      throw new BackupException(
          Problem.BACKUP_NOT_SUPPORTED,
          "The store is PostgreSQL; back it up with pg_dump (see docs/operations.md).");
    }
    String fileName = name == null || name.isBlank() ? defaultName() : name;
    if (!NAME.matcher(fileName).matches()) {
      throw new BackupException(
          Problem.BAD_REQUEST,
          "The backup name must be 1 to 100 letters, digits, '.', '_' or '-', starting with a"
              + " letter or digit.");
    }
    if (!running.tryLock()) {
      throw new BackupException(Problem.BACKUP_IN_PROGRESS, "Another backup is still running.");
    }
    try {
      return copyTo(dir.resolve(fileName));
    } finally {
      running.unlock();
    }
  }

  private String defaultName() {
    return "maigw-"
        + clock
            .instant()
            .truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
            .toString()
            .replace(":", "")
            .replace("-", "")
        + ".db";
  }

  private Backup copyTo(Path file) {
    Instant started = clock.instant();
    long startedNanos = System.nanoTime();
    createEmpty(file);
    boolean kept = false;
    try {
      vacuumInto(file);
      force(file);
      String integrity = integrityCheck(file);
      if (!"ok".equals(integrity)) {
        throw new IllegalStateException(
            "The backup " + file + " failed its integrity check: " + integrity);
      }
      kept = true;
      long durationMs = (System.nanoTime() - startedNanos) / 1_000_000;
      log.info("Backup written to {} ({} bytes, {} ms)", file, Files.size(file), durationMs);
      return new Backup(file.toString(), Files.size(file), started, durationMs, integrity);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (!kept) {
        deleteQuietly(file);
      }
    }
  }

  /** Creates the file 0600 and atomically refuses an existing one (no check-then-create race). */
  private void createEmpty(Path file) {
    try {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(ownerOnlyDir()));
      Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnlyFile()));
    } catch (FileAlreadyExistsException e) {
      throw new BackupException(
          Problem.BACKUP_EXISTS, "The backup " + file.getFileName() + " already exists.");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void vacuumInto(Path file) {
    try (Connection connection = reader.getConnection();
        Statement statement = connection.createStatement()) {
      // The path is the backup directory plus a name matched by NAME: no quote can occur in the
      // name, and the directory's quotes are doubled all the same.
      statement.execute("VACUUM INTO '" + file.toString().replace("'", "''") + "'");
    } catch (SQLException e) {
      throw new IllegalStateException("The backup into " + file + " failed.", e);
    }
  }

  private static void force(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
      directory.force(true);
    } catch (IOException e) {
      // Some file systems cannot sync a directory; the file itself is on disk.
      log.debug("Syncing the backup directory failed", e);
    }
  }

  private static String integrityCheck(Path file) {
    try (Connection copy = DriverManager.getConnection("jdbc:sqlite:file:" + file + "?mode=ro");
        Statement statement = copy.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA integrity_check")) {
      StringBuilder result = new StringBuilder();
      while (rs.next()) {
        result.append(result.isEmpty() ? "" : "; ").append(rs.getString(1));
      }
      return result.toString();
    } catch (SQLException e) {
      throw new IllegalStateException("The backup " + file + " cannot be checked.", e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("Could not delete the failed backup {}", file, e);
    }
  }

  private static java.util.Set<java.nio.file.attribute.PosixFilePermission> ownerOnlyFile() {
    return PosixFilePermissions.fromString("rw-------");
  }

  private static java.util.Set<java.nio.file.attribute.PosixFilePermission> ownerOnlyDir() {
    return PosixFilePermissions.fromString("rwx------");
  }
}
