package dev.maigw.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With PostgreSQL gone, the webhook gets 503 with Retry-After, never 200. */
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
    }
  }
}
