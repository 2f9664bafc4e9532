package dev.maigw.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.GatewayProcess;
import dev.maigw.gateway.support.RunningGateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM is a normal way to stop the gateway: a clean graceful stop exits 0, not 143. */
class GracefulStopTest {

  @TempDir Path dir;

  @Test
  void exitsZeroAfterACleanGracefulStopOnSigterm() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    int port = RunningGateway.freePort();
    GatewayProcess gateway = GatewayProcess.start(data, port, dir.resolve("gateway.log"));
    HttpResponse<String> stored =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/maiagent/webhook"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofByteArray(
                            Fixtures.reply("sigterm-1", "conv-sigterm")))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(stored.statusCode()).isEqualTo(200);

    int exitCode = gateway.terminate(Duration.ofSeconds(60));

    assertThat(exitCode).as(Files.readString(dir.resolve("gateway.log"))).isZero();
    try (RunningGateway restarted = RunningGateway.startOn(data, Map.of())) {
      assertThat(restarted.getApi("/api/messages/sigterm-1").statusCode()).isEqualTo(200);
    }
  }
}
