package dev.maigw.gateway.storage;

import dev.maigw.gateway.system.GatewayProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * {@code maigw_sqlite_wal_bytes}: the size of SQLite's write-ahead log file, 0 when there is none.
 * It should fall back to 0 shortly after every burst of writes; one that keeps growing means
 * checkpoints are starved (a reader that never ends). Not registered on PostgreSQL.
 */
@Component
class SqliteWalGauge {

  private final Path wal;

  SqliteWalGauge(Dialect dialect, GatewayProperties gateway, MeterRegistry meters) {
    this.wal =
        gateway.dataDir().resolve(StorageConfiguration.SQLITE_FILE_NAME + "-wal").toAbsolutePath();
    if (dialect != Dialect.SQLITE) {
      return;
    }
    // The gauge holds its state weakly: this bean, kept by the context, keeps it alive.
    Gauge.builder("maigw.sqlite.wal.bytes", this, SqliteWalGauge::walBytes)
        .description("Size of the SQLite write-ahead log file")
        .baseUnit("bytes")
        .register(meters);
  }

  private double walBytes() {
    return size(wal);
  }

  private static double size(Path file) {
    try {
      return Files.size(file);
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException e) {
      return Double.NaN;
    }
  }
}
