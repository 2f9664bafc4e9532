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

  SqliteWalGauge(Dialect dialect, GatewayProperties gateway, MeterRegistry meters) {
    if (dialect != Dialect.SQLITE) {
      return;
    }
    Path wal =
        gateway.dataDir().resolve(StorageConfiguration.SQLITE_FILE_NAME + "-wal").toAbsolutePath();
    Gauge.builder("maigw.sqlite.wal.bytes", wal, SqliteWalGauge::size)
        .description("Size of the SQLite write-ahead log file")
        .baseUnit("bytes")
        .register(meters);
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
