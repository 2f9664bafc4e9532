package dev.maigw.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import dev.maigw.gateway.support.ScriptedReceiver;
import dev.maigw.gateway.support.SettableClock;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /actuator/prometheus} opens with the API key or the metrics token only, and its
 * forwarding, stream and bridge metrics move as deliveries happen.
 */
class DeliveryMetricsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String METRICS_TOKEN = "metrics-token-0123456789abcdef";
  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    Map<String, String> properties = new HashMap<>();
    properties.put("maigw.delivery.forward-allow", "127.0.0.1/32");
    properties.put("maigw.delivery.retry-schedule", "0s,1m");
    properties.put("maigw.delivery.jitter", "0");
    properties.put("maigw.metrics.token", METRICS_TOKEN);
    properties.put("maigw.metrics.gauge-refresh", "100ms");
    gateway = RunningGateway.startWith(properties, SettableClock.Override.class);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void opensOnlyWithTheApiKeyOrTheMetricsToken() {
    assertThat(scrape("Bearer " + RunningGateway.API_KEY).statusCode()).isEqualTo(200);
    assertThat(scrape("Bearer " + METRICS_TOKEN).statusCode()).isEqualTo(200);

    for (String refused : new String[] {null, "Bearer wrong-token", "Basic " + METRICS_TOKEN}) {
      HttpResponse<String> answer = scrape(refused);
      assertThat(answer.statusCode()).as(refused).isEqualTo(401);
      assertThat(answer.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(JSON.readTree(answer.body()).get("code").asString()).isEqualTo("unauthorized");
      assertThat(answer.body()).doesNotContain("maigw_");
    }
    assertThat(get("/actuator/health/liveness").statusCode()).as("probes stay open").isEqualTo(200);
  }

  @Test
  void countsAttemptsByOutcomeLagAndPendingDeliveriesPerTarget() throws Exception {
    SettableClock clock = gateway.bean(SettableClock.class);
    try (ScriptedReceiver receiver = new ScriptedReceiver().then(500).otherwise(200)) {
      String target = createTarget(receiver.url(), "conv-metrics");
      String pending = "maigw_deliveries_pending{target=\"" + target + "\"}";
      String retried = attempts(target, "retry");
      String delivered = attempts(target, "delivered");
      await().atMost(Duration.ofSeconds(15)).until(() -> value(pending) == 0.0);

      gateway.postWebhook(Fixtures.reply("metrics-1", "conv-metrics"));
      await().atMost(Duration.ofSeconds(15)).until(() -> value(retried) == 1.0);
      await().atMost(Duration.ofSeconds(15)).until(() -> value(pending) == 1.0);
      assertThat(value(delivered)).isNaN();

      clock.advance(Duration.ofMinutes(2));
      await().atMost(Duration.ofSeconds(15)).until(() -> value(delivered) == 1.0);
      await().atMost(Duration.ofSeconds(15)).until(() -> value(pending) == 0.0);
      assertThat(value("maigw_delivery_lag_seconds_count")).isEqualTo(1.0);
      assertThat(value("maigw_delivery_lag_seconds_sum")).isGreaterThanOrEqualTo(120.0);
      assertThat(value("maigw_deliveries_dead{target=\"" + target + "\"}")).isEqualTo(0.0);
    }
  }

  @Test
  void showsOpenStreamsAndWaitingSends() throws Exception {
    assertThat(value("maigw_bridge_waits_open")).isEqualTo(0.0);
    assertThat(value("maigw_stream_open")).isEqualTo(0.0);
    HttpResponse<InputStream> stream =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(gateway.url("/api/stream")))
                    .header("Authorization", "Bearer " + RunningGateway.API_KEY)
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    InputStream events = stream.body();
    try {
      assertThat(stream.statusCode()).isEqualTo(200);
      await().atMost(Duration.ofSeconds(15)).until(() -> value("maigw_stream_open") == 1.0);
    } finally {
      events.close();
    }
  }

  private static String createTarget(String url, String conversation) {
    HttpResponse<String> created =
        gateway.postApi(
            "/api/targets", "{\"url\":\"" + url + "\",\"conversation\":\"" + conversation + "\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode target = JSON.readTree(created.body());
    return target.get("id").asString();
  }

  private static String attempts(String target, String outcome) {
    return "maigw_delivery_attempts_total{outcome=\"" + outcome + "\",target=\"" + target + "\"}";
  }

  /** The sample's value in a scrape with the metrics token, NaN when it is absent. */
  private static double value(String sample) {
    String body = scrape("Bearer " + METRICS_TOKEN).body();
    Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(sample) + " (\\S+)$").matcher(body);
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
  }

  private static HttpResponse<String> scrape(String authorization) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(gateway.url("/actuator/prometheus")));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return RunningGateway.send(request.build());
  }

  private static HttpResponse<String> get(String path) {
    return RunningGateway.send(HttpRequest.newBuilder(URI.create(gateway.url(path))).build());
  }
}
