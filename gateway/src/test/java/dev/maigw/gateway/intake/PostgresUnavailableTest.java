package dev.maigw.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With PostgreSQL gone, the webhook gets 503 with Retry-After, never 200, and readiness says DOWN
 * (liveness stays UP: restarting the gateway would not bring the database back).
 */
class PostgresUnavailableTest {

  @Test
  void answersServiceUnavailableWhenPostgresStops() throws Exception {
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setServerConfig("fsync", "on")
            .setServerConfig("full_page_writes", "on")
            .start();
    try (RunningGateway gateway =
        RunningGateway.start(
            Map.of(
                "maigw.storage.db-url", postgres.getJdbcUrl("postgres", "postgres"),
                "maigw.storage.db-user", "postgres",
                "maigw.storage.db-password", ""))) {
      assertThat(gateway.postWebhook(Fixtures.reply("pg-up", "conv-pg")).statusCode())
          .isEqualTo(200);

      postgres.close();
      HttpResponse<String> down = gateway.postWebhook(Fixtures.reply("pg-down", "conv-pg"));

      assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
      assertThat(down.headers().firstValue("Retry-After")).isPresent();
      assertThat(down.body()).contains("\"code\":\"store_unavailable\"");
      assertThat(get(gateway, "/actuator/health/readiness").statusCode()).isEqualTo(503);
      assertThat(get(gateway, "/actuator/health/liveness").statusCode()).isEqualTo(200);
    }
  }

  private static HttpResponse<String> get(RunningGateway gateway, String path) {
    return RunningGateway.send(
        HttpRequest.newBuilder(URI.create(gateway.url(path)))
            .timeout(Duration.ofSeconds(60))
            .build());
  }
}
