package dev.maigw.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import dev.maigw.gateway.support.SettableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An address that keeps failing authentication is answered 429 for the rest of the minute. */
class FailedAuthRateLimitTest {

  private static final String TOKEN = "tok_limit_current_0123456789abcdef";
  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  @Test
  void limitsAnAddressAfterTooManyFailuresUntilTheMinuteHasPassed() {
    try (RunningGateway gateway =
        RunningGateway.startWith(
            Map.of("maigw.webhook.tokens", TOKEN, "maigw.rate-limit.failed-auth-per-minute", "3"),
            SettableClock.Override.class)) {
      for (int i = 0; i < 3; i++) {
        assertThat(post(gateway, "wrong-token-guess-" + i, "limit-" + i).statusCode())
            .isEqualTo(401);
      }

      HttpResponse<String> limited = post(gateway, "wrong-token-guess-x", "limit-x");
      HttpResponse<String> validMeanwhile = post(gateway, TOKEN, "limit-valid-early");

      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After")).hasValue("60");
      assertThat(limited.body()).contains("\"code\":\"rate_limited\"").doesNotContain(TOKEN);
      assertThat(validMeanwhile.statusCode()).as("no guess is checked meanwhile").isEqualTo(429);

      gateway.bean(SettableClock.class).advance(Duration.ofSeconds(61));

      assertThat(post(gateway, TOKEN, "limit-valid").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void neverLimitsAnAllowedSource() {
    try (RunningGateway gateway =
        RunningGateway.start(
            Map.of(
                "maigw.webhook.tokens", TOKEN,
                "maigw.rate-limit.failed-auth-per-minute", "3",
                "maigw.webhook.allowed-sources", "127.0.0.1/32"))) {
      for (int i = 0; i < 6; i++) {
        assertThat(post(gateway, "wrong-token-guess-" + i, "allowed-" + i).statusCode())
            .isEqualTo(401);
      }

      assertThat(post(gateway, TOKEN, "allowed-valid").statusCode()).isEqualTo(200);
    }
  }

  private static HttpResponse<String> post(RunningGateway gateway, String token, String id) {
    return gateway.post("/maiagent/webhook/" + token, Fixtures.reply(id, "c"), JSON);
  }
}
