package dev.maigw.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the store cannot commit, the webhook gets 503 with Retry-After, never 200. */
class StoreUnavailableTest {

  @Test
  void answersServiceUnavailableWhileAnotherProcessHoldsTheWriteLock() throws Exception {
    try (RunningGateway gateway =
        RunningGateway.start(Map.of("maigw.storage.busy-timeout", "300ms"))) {
      try (Connection intruder =
              DriverManager.getConnection("jdbc:sqlite:" + gateway.sqliteFile());
          Statement statement = intruder.createStatement()) {
        statement.execute("BEGIN IMMEDIATE");

        HttpResponse<String> locked = gateway.postWebhook(Fixtures.reply("locked-1", "c"));

        assertThat(locked.statusCode()).isEqualTo(503);
        assertThat(locked.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(locked.body()).contains("\"code\":\"store_unavailable\"");
        statement.execute("ROLLBACK");
      }

      HttpResponse<String> recovered = gateway.postWebhook(Fixtures.reply("locked-1", "c"));

      assertThat(recovered.statusCode()).isEqualTo(200);
      assertThat(recovered.headers().firstValue(WebhookServlet.OUTCOME_HEADER)).hasValue("stored");
    }
  }
}
