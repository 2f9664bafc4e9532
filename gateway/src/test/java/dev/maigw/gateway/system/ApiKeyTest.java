package dev.maigw.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.RunningGateway;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Without MAIGW_API_KEY the gateway makes a key once, keeps it, and shows it once. */
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyTest {

  @Test
  void generatesAKeyAtFirstStartKeepsItAndPrintsItOnlyThen(CapturedOutput output) throws Exception {
    Path dataDir = Files.createTempDirectory("maigw-key-");
    Map<String, String> noKey = new HashMap<>();
    noKey.put("maigw.api-key", "");
    String key;
    try (RunningGateway first = RunningGateway.startOn(dataDir, noKey)) {
      Path file = dataDir.resolve("api-key");
      key = Files.readString(file).trim();
      assertThat(key).startsWith("mgw_").hasSizeGreaterThan(40);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
      assertThat(status(first, key)).isEqualTo(200);
    }
    assertThat(output.getAll()).containsOnlyOnce(key);

    try (RunningGateway second = RunningGateway.startOn(dataDir, noKey)) {
      assertThat(status(second, key)).isEqualTo(200);
      assertThat(status(second, "mgw_wrong")).isEqualTo(401);
    }
    assertThat(output.getAll()).containsOnlyOnce(key);
  }

  private static int status(RunningGateway gateway, String key) {
    return RunningGateway.send(
            HttpRequest.newBuilder(URI.create(gateway.url("/api/conversations")))
                .header("Authorization", "Bearer " + key)
                .build())
        .statusCode();
  }
}
