package dev.maigw.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The health the startup banner points at tells the truth about the store: UP on a healthy idle
 * gateway, DOWN (readiness only) while nothing can be committed, UP again once it can.
 */
class StoreHealthTest {

  @Test
  void answersUpOnAnIdleGatewayThatHasStoredReplies() {
    try (RunningGateway gateway = RunningGateway.start()) {
      // After its first write the writer keeps the single SQLite write connection for good.
      assertThat(gateway.postWebhook(Fixtures.reply("health-idle", "c")).statusCode())
          .isEqualTo(200);

      HttpResponse<String> health = get(gateway, "/actuator/health");

      assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"UP\"");
      assertThat(get(gateway, "/actuator/health/readiness").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void readinessIsDownWhileTheStoreCannotCommitAndUpAgainAfter() throws Exception {
    try (RunningGateway gateway =
        RunningGateway.start(Map.of("maigw.storage.busy-timeout", "300ms"))) {
      try (Connection intruder =
              DriverManager.getConnection("jdbc:sqlite:" + gateway.sqliteFile());
          Statement statement = intruder.createStatement()) {
        statement.execute("BEGIN IMMEDIATE");
        assertThat(gateway.postWebhook(Fixtures.reply("health-1", "c")).statusCode())
            .isEqualTo(503);

        HttpResponse<String> readiness = get(gateway, "/actuator/health/readiness");

        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);
        assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
        assertThat(get(gateway, "/actuator/health/liveness").statusCode()).isEqualTo(200);
        statement.execute("ROLLBACK");
      }

      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> get(gateway, "/actuator/health/readiness").statusCode() == 200);
      assertThat(get(gateway, "/actuator/health").statusCode()).isEqualTo(200);
    }
  }

  private static HttpResponse<String> get(RunningGateway gateway, String path) {
    return RunningGateway.send(
        HttpRequest.newBuilder(URI.create(gateway.url(path)))
            .timeout(Duration.ofSeconds(60))
            .build());
  }
}
