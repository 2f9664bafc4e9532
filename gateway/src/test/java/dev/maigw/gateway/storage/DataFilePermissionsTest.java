package dev.maigw.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite files hold every reply and the targets' secrets: only their owner may read them. */
class DataFilePermissionsTest {

  @TempDir Path dir;

  @Test
  void createsTheDatabaseAndItsWalReadableByTheOwnerOnly() throws IOException {
    try (RunningGateway gateway = RunningGateway.startOn(dir, Map.of())) {
      assertThat(gateway.postWebhook(Fixtures.reply("perm-1", "conv-perm")).statusCode())
          .isEqualTo(200);

      assertThat(permissions(gateway.sqliteFile())).isEqualTo("rw-------");
      assertThat(permissions(Path.of(gateway.sqliteFile() + "-wal"))).isEqualTo("rw-------");
    }
  }

  @Test
  void tightensAnExistingWorldReadableDatabase() throws IOException {
    try (RunningGateway first = RunningGateway.startOn(dir, Map.of())) {
      Files.setPosixFilePermissions(
          first.sqliteFile(), PosixFilePermissions.fromString("rw-r--r--"));
    }
    try (RunningGateway again = RunningGateway.startOn(dir, Map.of())) {
      assertThat(permissions(again.sqliteFile())).isEqualTo("rw-------");
    }
  }

  private static String permissions(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }
}
