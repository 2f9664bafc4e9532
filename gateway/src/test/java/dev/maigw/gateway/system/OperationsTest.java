package dev.maigw.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Probes and metrics an operator scrapes. */
class OperationsTest {

  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    gateway = RunningGateway.start();
    gateway.postWebhook(Fixtures.reply("ops-1", "conv-ops"));
    gateway.postWebhook(Fixtures.reply("ops-1", "conv-ops"));
    gateway.postWebhook("[]".getBytes());
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void answersLivenessAndReadiness() {
    assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
  }

  @Test
  void exportsIntakeMetricsForPrometheus() {
    String metrics =
        RunningGateway.send(
                HttpRequest.newBuilder(URI.create(gateway.url("/actuator/prometheus")))
                    .header("Authorization", "Bearer " + RunningGateway.API_KEY)
                    .build())
            .body();

    assertThat(metrics)
        .contains("maigw_webhooks_total{outcome=\"stored\"} 1.0")
        .contains("maigw_webhooks_total{outcome=\"duplicate\"} 1.0")
        .contains("maigw_webhooks_total{outcome=\"quarantined\"} 1.0")
        .contains("maigw_intake_latency_seconds_bucket")
        .contains("maigw_commit_batch_size_count")
        .contains("maigw_commit_dropped_total 0.0")
        .contains("maigw_commit_queued_bytes 0.0")
        .contains("maigw_quarantine_bodies 1.0")
        .contains("maigw_dedupe_conflict_total 0.0");
  }

  private static HttpResponse<String> get(String path) {
    return RunningGateway.send(HttpRequest.newBuilder(URI.create(gateway.url(path))).build());
  }
}
