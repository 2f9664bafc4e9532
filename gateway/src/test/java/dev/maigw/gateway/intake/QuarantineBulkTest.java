package dev.maigw.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.maigw.gateway.quarantine.QuarantineStore;
import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quarantine's lifecycle in bulk: delete every body matching the list's filters, re-ingest
 * every body matching a reason, and the alert when it nears its cap.
 */
class QuarantineBulkTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void deletesEveryBodyMatchingTheListsFilters() {
    try (RunningGateway gateway = RunningGateway.start()) {
      List<Long> malformed = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        malformed.add(refuse(gateway, "{\"id\":\"cut-" + i));
      }
      long firstArray = refuse(gateway, "[1]");
      long secondArray = refuse(gateway, "[2]");

      assertThat(delete(gateway, "?reason=malformed_json")).isEqualTo(3);
      assertThat(listed(gateway, "")).containsExactly(secondArray, firstArray);
      assertThat(listed(gateway, "?reason=not_an_object")).containsExactly(secondArray, firstArray);

      assertThat(delete(gateway, "?before=" + secondArray)).isEqualTo(1);
      assertThat(listed(gateway, "")).containsExactly(secondArray);

      refuse(gateway, "{\"id\":\"cut-again");
      assertThat(delete(gateway, "")).as("no filter empties it").isEqualTo(2);
      assertThat(listed(gateway, "")).isEmpty();
      assertThat(delete(gateway, "")).isZero();
      assertThat(api(gateway, "DELETE", "/api/quarantine?before=x").statusCode()).isEqualTo(400);
    }
  }

  @Test
  void reingestsEveryBodyMatchingAReasonAndCountsThoseStillRefused() throws Exception {
    try (RunningGateway gateway = RunningGateway.start()) {
      long readable1 = keepReadable(gateway, Fixtures.reply("bulk-1", "conv-bulk"));
      long readable2 = keepReadable(gateway, Fixtures.reply("bulk-2", "conv-bulk"));
      long broken = refuse(gateway, "{\"id\":\"still-broken");

      JsonNode none = reingest(gateway, "?reason=missing_field");
      assertThat(none.get("ingested").asInt()).isZero();
      assertThat(listed(gateway, "")).hasSize(3);

      JsonNode done = reingest(gateway, "");
      assertThat(done.get("ingested").asInt()).isEqualTo(2);
      assertThat(done.get("stillRefused").asInt()).isEqualTo(1);
      assertThat(done.get("outcomes").get("stored").asInt()).isEqualTo(2);
      assertThat(listed(gateway, "")).containsExactly(broken).doesNotContain(readable1, readable2);
      assertThat(gateway.getApi("/api/messages/bulk-1").statusCode()).isEqualTo(200);
      assertThat(gateway.getApi("/api/messages/bulk-2").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void warnsOnceWhenTheQuarantinePassesEightyPercentAndExportsTheFill() {
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    try (RunningGateway gateway = RunningGateway.start(Map.of("maigw.quarantine.max-rows", "5"))) {
      // Attached once the gateway runs: starting it resets the logging configuration.
      Logger logger = (Logger) LoggerFactory.getLogger(QuarantineStore.class);
      logs.start();
      logger.addAppender(logs);
      for (int i = 0; i < 3; i++) {
        refuse(gateway, "[" + i + "]");
      }
      assertThat(metrics(gateway))
          .contains("maigw_quarantine_fill_ratio 0.6")
          .contains("maigw_quarantine_near_full 0.0");
      assertThat(nearFullWarnings(logs)).isZero();

      refuse(gateway, "[3]");
      refuse(gateway, "[4]");
      refuse(gateway, "[4]"); // the same bytes again: no new body
      assertThat(metrics(gateway))
          .contains("maigw_quarantine_fill_ratio 1.0")
          .contains("maigw_quarantine_near_full 1.0");
      assertThat(nearFullWarnings(logs)).as("one line at the crossing").isEqualTo(1);

      delete(gateway, "");
      assertThat(metrics(gateway)).contains("maigw_quarantine_near_full 0.0");
      for (int i = 0; i < 4; i++) {
        refuse(gateway, "[" + (10 + i) + "]");
      }
      assertThat(nearFullWarnings(logs)).as("crossed once more").isEqualTo(2);
      logger.detachAppender(logs);
    }
  }

  private static long nearFullWarnings(ListAppender<ILoggingEvent> logs) {
    return logs.list.stream()
        .filter(e -> e.getLevel() == Level.WARN)
        .filter(e -> e.getFormattedMessage().contains("% full"))
        .count();
  }

  private static long refuse(RunningGateway gateway, String body) {
    HttpResponse<String> refused = gateway.postWebhook(body.getBytes(StandardCharsets.UTF_8));
    assertThat(refused.statusCode()).as(refused.body()).isBetween(400, 422);
    return JSON.readTree(refused.body()).get("quarantineId").asLong();
  }

  private static long keepReadable(RunningGateway gateway, byte[] body) throws Exception {
    return gateway
        .bean(QuarantineStore.class)
        .keep(
            body,
            MessageDigest.getInstance("SHA-256").digest(body),
            "invalid_field",
            "Refused by an older reader.",
            "application/json",
            Instant.now());
  }

  private static int delete(RunningGateway gateway, String query) {
    HttpResponse<String> answer = api(gateway, "DELETE", "/api/quarantine" + query);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body()).get("deleted").asInt();
  }

  private static JsonNode reingest(RunningGateway gateway, String query) {
    HttpResponse<String> answer = api(gateway, "POST", "/api/quarantine/reingest" + query);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private static List<Long> listed(RunningGateway gateway, String query) {
    JsonNode page = JSON.readTree(gateway.getApi("/api/quarantine" + query).body());
    List<Long> ids = new ArrayList<>();
    page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
    return ids;
  }

  private static String metrics(RunningGateway gateway) {
    return RunningGateway.send(
            HttpRequest.newBuilder(URI.create(gateway.url("/actuator/prometheus")))
                .header("Authorization", "Bearer " + RunningGateway.API_KEY)
                .build())
        .body();
  }

  private static HttpResponse<String> api(RunningGateway gateway, String method, String path) {
    return RunningGateway.send(
        HttpRequest.newBuilder(URI.create(gateway.url(path)))
            .header("Authorization", "Bearer " + RunningGateway.API_KEY)
            .timeout(Duration.ofSeconds(30))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build());
  }
}
