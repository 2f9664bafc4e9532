package dev.maigw.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import dev.maigw.gateway.support.SettableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every source has a request budget; past it, 429 + Retry-After until the bucket refills. */
class SourceRateLimitTest {

  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  @Test
  void limitsASourcePastItsBurstUntilTheBucketRefills() {
    try (RunningGateway gateway =
        RunningGateway.startWith(
            Map.of(
                "maigw.rate-limit.requests-per-second", "2",
                "maigw.rate-limit.burst", "4",
                "maigw.rate-limit.exempt", ""),
            SettableClock.Override.class)) {
      for (int i = 0; i < 4; i++) {
        assertThat(webhook(gateway, "rl-" + i).statusCode()).as("request " + i).isEqualTo(200);
      }

      HttpResponse<String> limited = webhook(gateway, "rl-over");
      HttpResponse<String> api = gateway.getApi("/api/messages");
      HttpResponse<String> health = gateway.getApi("/actuator/health/readiness");

      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(limited.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(limited.body()).contains("\"code\":\"rate_limited\"");
      assertThat(api.statusCode()).as("the budget covers every route").isEqualTo(429);
      assertThat(health.statusCode()).as("health probes are never limited").isEqualTo(200);

      gateway.bean(SettableClock.class).advance(Duration.ofMillis(500));

      assertThat(webhook(gateway, "rl-later").statusCode()).as("one refilled").isEqualTo(200);
      assertThat(webhook(gateway, "rl-later-2").statusCode()).isEqualTo(429);
      gateway.bean(SettableClock.class).advance(Duration.ofSeconds(10));
      assertThat(gateway.getApi("/api/messages/rl-over").statusCode())
          .as("the limited webhook was never stored")
          .isEqualTo(404);
    }
  }

  @Test
  void neverLimitsAnExemptSource() {
    try (RunningGateway gateway =
        RunningGateway.start(
            Map.of(
                "maigw.rate-limit.requests-per-second", "1",
                "maigw.rate-limit.burst", "1",
                "maigw.rate-limit.exempt", "127.0.0.1"))) {
      for (int i = 0; i < 5; i++) {
        assertThat(webhook(gateway, "rl-exempt-" + i).statusCode()).isEqualTo(200);
      }
    }
  }

  @Test
  void neverLimitsTheWebhooksAllowedSources() {
    try (RunningGateway gateway =
        RunningGateway.start(
            Map.of(
                "maigw.rate-limit.requests-per-second", "1",
                "maigw.rate-limit.burst", "1",
                "maigw.rate-limit.exempt", "",
                "maigw.webhook.allowed-sources", "127.0.0.0/8"))) {
      for (int i = 0; i < 5; i++) {
        assertThat(webhook(gateway, "rl-allowed-" + i).statusCode()).isEqualTo(200);
      }
    }
  }

  private static HttpResponse<String> webhook(RunningGateway gateway, String id) {
    return gateway.post("/maiagent/webhook", Fixtures.reply(id, "c-rl"), JSON);
  }
}
