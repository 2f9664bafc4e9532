package dev.maigw.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import dev.maigw.gateway.support.ScriptedReceiver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Stored replies forwarded to real local receivers, with retries, dead letters and replay. */
class DeliveryEndToEndTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration PATIENCE = Duration.ofSeconds(15);
  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    gateway =
        RunningGateway.start(
            Map.of(
                "maigw.delivery.forward-allow", "127.0.0.1/32",
                "maigw.delivery.retry-schedule", "0s,100ms,100ms",
                "maigw.delivery.jitter", "0",
                "maigw.delivery.poll", "50ms"));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void forwardsTheExactBodySignedSoTheReferenceLibraryVerifies() throws Exception {
    try (ScriptedReceiver receiver = new ScriptedReceiver()) {
      JsonNode target = createTarget(receiver.url(), "conv-sign", false);
      byte[] body = Fixtures.reply("dl-sign-1", "conv-sign");

      gateway.postWebhook(body);

      await().atMost(PATIENCE).until(() -> receiver.received().size() == 1);
      ScriptedReceiver.Received got = receiver.received().get(0);
      assertThat(got.body()).isEqualTo(body);
      new Webhook(target.get("secret").asString())
          .verify(new String(got.body(), StandardCharsets.UTF_8), got.headers());
      await().atMost(PATIENCE).until(() -> status(got.header("webhook-id")).equals("delivered"));
    }
  }

  @Test
  void retriesFailuresUntilTheTargetAnswers2xx() {
    try (ScriptedReceiver receiver = new ScriptedReceiver().then(500, 503)) {
      createTarget(receiver.url(), "conv-retry", false);

      gateway.postWebhook(Fixtures.reply("dl-retry-1", "conv-retry"));

      await().atMost(PATIENCE).until(() -> receiver.received().size() == 3);
      String id = receiver.received().get(0).header("webhook-id");
      await().atMost(PATIENCE).until(() -> status(id).equals("delivered"));
      JsonNode attempts = delivery(id).get("attempts");
      assertThat(attempts).hasSize(3);
      assertThat(attempts.get(0).get("statusCode").asInt()).isEqualTo(500);
      assertThat(attempts.get(2).get("statusCode").asInt()).isEqualTo(200);
      assertThat(receiver.received()).extracting(r -> r.header("webhook-id")).containsOnly(id);
    }
  }

  @Test
  void marksAnExhaustedDeliveryDeadAndReplaysItOnceWithTheSameId() {
    try (ScriptedReceiver receiver = new ScriptedReceiver().otherwise(500)) {
      JsonNode target = createTarget(receiver.url(), "conv-dead", false);
      gateway.postWebhook(Fixtures.reply("dl-dead-1", "conv-dead"));
      await().atMost(PATIENCE).until(() -> receiver.received().size() == 3);
      String id = receiver.received().get(0).header("webhook-id");
      await().atMost(PATIENCE).until(() -> status(id).equals("dead"));
      JsonNode health =
          JSON.readTree(
              gateway.getApi("/api/targets/" + target.get("id").asString() + "/health").body());
      assertThat(health.get("dead").asLong()).isEqualTo(1);
      assertThat(health.get("successRate").asDouble()).isZero();
      assertThat(health.get("lastError").asString()).isEqualTo("HTTP 500");
      assertThat(gateway.getApi("/api/deliveries?status=dead").body()).contains(id);

      receiver.otherwise(200);
      var replay = gateway.postApi("/api/deliveries/" + id + "/replay", "");

      assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
      await().atMost(PATIENCE).until(() -> status(id).equals("delivered"));
      assertThat(receiver.received()).hasSize(4);
      assertThat(receiver.received().get(3).header("webhook-id")).isEqualTo(id);
    }
  }

  @Test
  void replaysTheDeadDeliveriesOfOneConversationOnly() {
    try (ScriptedReceiver receiver = new ScriptedReceiver().otherwise(500)) {
      var created =
          gateway.postApi(
              "/api/targets",
              JSON.writeValueAsString(
                  Map.of("url", receiver.url(), "contentContains", "dl-filter-")));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      String targetId = JSON.readTree(created.body()).get("id").asString();
      gateway.postWebhook(Fixtures.reply("dl-filter-a", "conv-filter-a"));
      gateway.postWebhook(Fixtures.reply("dl-filter-b", "conv-filter-b"));
      String dead = "/api/deliveries?status=dead&targetId=" + targetId;
      await()
          .atMost(PATIENCE)
          .until(() -> JSON.readTree(gateway.getApi(dead).body()).get("items").size() == 2);

      receiver.otherwise(200);
      var replay =
          gateway.postApi(
              "/api/deliveries/replay?targetId=" + targetId + "&conversation=conv-filter-a", "");

      assertThat(JSON.readTree(replay.body()).get("replayed").asInt()).isEqualTo(1);
      await().atMost(PATIENCE).until(() -> receiver.received().size() == 7);
      assertThat(JSON.readTree(receiver.received().get(6).body()).get("id").asString())
          .isEqualTo("dl-filter-a");
      assertThat(JSON.readTree(gateway.getApi(dead).body()).get("items")).hasSize(1);
    }
  }

  @Test
  void refusesAnUnknownStatusAndAMalformedReplayFilter() {
    assertThat(gateway.getApi("/api/deliveries?status=daed").statusCode()).isEqualTo(400);
    var replay = gateway.postApi("/api/deliveries/replay?since=yesterday", "");
    assertThat(replay.statusCode()).isEqualTo(400);
    assertThat(replay.body()).contains("ISO-8601");
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 400, 401, 404, 500, 502})
  void treatsEveryNon2xxAnswerAsAFailureToRetry(int status) {
    try (ScriptedReceiver receiver = new ScriptedReceiver().then(status)) {
      String conversation = "conv-status-" + status;
      createTarget(receiver.url(), conversation, false);
      gateway.postWebhook(Fixtures.reply("dl-status-" + status, conversation));

      await().atMost(PATIENCE).until(() -> receiver.received().size() == 2);
      String id = receiver.received().get(0).header("webhook-id");
      await().atMost(PATIENCE).until(() -> status(id).equals("delivered"));
      assertThat(delivery(id).get("attempts").get(0).get("statusCode").asInt()).isEqualTo(status);
    }
  }

  @Test
  void recordsATimedOutAttemptAndRetriesIt() {
    try (ScriptedReceiver receiver = new ScriptedReceiver().holdFirst(Duration.ofSeconds(2))) {
      var created =
          gateway.postApi(
              "/api/targets",
              JSON.writeValueAsString(
                  Map.of("url", receiver.url(), "conversation", "conv-slow", "timeoutMs", 300)));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      gateway.postWebhook(Fixtures.reply("dl-slow-1", "conv-slow"));

      await().atMost(PATIENCE).until(() -> receiver.received().size() == 2);
      String id = receiver.received().get(0).header("webhook-id");
      await().atMost(PATIENCE).until(() -> status(id).equals("delivered"));
      JsonNode attempts = delivery(id).get("attempts");
      assertThat(attempts).hasSize(2);
      assertThat(attempts.get(0).get("error").asString()).startsWith("timeout");
      assertThat(
              attempts.get(0).path("statusCode").isMissingNode()
                  || attempts.get(0).get("statusCode").isNull())
          .isTrue();
      assertThat(attempts.get(1).get("statusCode").asInt()).isEqualTo(200);
    }
  }

  @Test
  void recordsRefusedConnectionsUntilTheDeliveryIsDead() throws Exception {
    int closedPort = RunningGateway.freePort(); // bound, then released: nothing listens
    JsonNode target =
        createTarget("http://127.0.0.1:" + closedPort + "/hook", "conv-refused", false);
    gateway.postWebhook(Fixtures.reply("dl-refused-1", "conv-refused"));

    String path = "/api/deliveries?targetId=" + target.get("id").asString();
    await()
        .atMost(PATIENCE)
        .until(
            () -> {
              JsonNode items = JSON.readTree(gateway.getApi(path).body()).get("items");
              return items.size() == 1 && items.get(0).get("status").asString().equals("dead");
            });
    String id = JSON.readTree(gateway.getApi(path).body()).get("items").get(0).get("id").asString();
    JsonNode attempts = delivery(id).get("attempts");
    assertThat(attempts).hasSize(3);
    for (JsonNode attempt : attempts) {
      assertThat(attempt.get("error").asString()).startsWith("connect_refused");
    }
  }

  @Test
  void disablesATargetThatAnswers410() {
    try (ScriptedReceiver receiver = new ScriptedReceiver().otherwise(410)) {
      JsonNode target = createTarget(receiver.url(), "conv-gone", false);
      gateway.postWebhook(Fixtures.reply("dl-gone-1", "conv-gone"));

      String targetPath = "/api/targets/" + target.get("id").asString();
      await()
          .atMost(PATIENCE)
          .until(
              () -> !JSON.readTree(gateway.getApi(targetPath).body()).get("enabled").asBoolean());
      gateway.postWebhook(Fixtures.reply("dl-gone-2", "conv-gone"));
      assertThat(receiver.received()).hasSize(1);
    }
  }

  @Test
  void honoursRetryAfter() {
    try (ScriptedReceiver receiver = new ScriptedReceiver().then(429).retryAfter("1")) {
      createTarget(receiver.url(), "conv-later", false);
      gateway.postWebhook(Fixtures.reply("dl-later-1", "conv-later"));

      await().atMost(PATIENCE).until(() -> receiver.received().size() == 2);
      long gap = receiver.received().get(1).atNanos() - receiver.received().get(0).atNanos();
      assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }
  }

  @Test
  void keepsOneConversationInOrderForAnOrderedTargetWhileAnotherTargetFails() {
    try (ScriptedReceiver ordered = new ScriptedReceiver().then(503, 200, 503);
        ScriptedReceiver failing = new ScriptedReceiver().otherwise(500)) {
      createTarget(ordered.url(), "conv-order", true);
      createTarget(failing.url(), "conv-order", false);

      for (int i = 0; i < 8; i++) {
        gateway.postWebhook(Fixtures.reply("dl-order-" + i, "conv-order"));
      }

      await().atMost(PATIENCE).until(() -> delivered(ordered).size() == 8);
      assertThat(delivered(ordered))
          .containsExactly(
              "dl-order-0",
              "dl-order-1",
              "dl-order-2",
              "dl-order-3",
              "dl-order-4",
              "dl-order-5",
              "dl-order-6",
              "dl-order-7");
    }
  }

  /**
   * A private address that is not allowed is refused when the target is created, so no delivery is
   * ever queued for it (the connection-time guard, for names that resolve to such addresses later,
   * is covered by {@code GuardedHttpClientSsrfTest}).
   */
  @Test
  void refusesATargetAtAPrivateAddressThatIsNotAllowed() {
    var created =
        gateway.postApi(
            "/api/targets",
            JSON.writeValueAsString(
                Map.of("url", "http://10.1.2.3/hook", "conversation", "conv-private")));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(422);
    JsonNode problem = JSON.readTree(created.body());
    assertThat(problem.get("code").asString()).isEqualTo("target_url_not_allowed");
    assertThat(problem.get("detail").asString()).contains("MAIGW_FORWARD_ALLOW");
  }

  /** Message ids of the 2xx-answered requests, in the order the receiver got them. */
  private static List<String> delivered(ScriptedReceiver receiver) {
    List<String> ids = new ArrayList<>();
    List<ScriptedReceiver.Received> all = receiver.received();
    for (int i = 0; i < all.size(); i++) {
      // The script answered 503 to the 1st and 3rd request; everything else was accepted.
      if (i == 0 || i == 2) {
        continue;
      }
      ids.add(JSON.readTree(all.get(i).body()).get("id").asString());
    }
    return ids;
  }

  private static JsonNode createTarget(String url, String conversation, boolean ordered) {
    return createTarget(gateway, url, conversation, ordered);
  }

  /** Creates a target for one conversation through the API and returns its JSON. */
  static JsonNode createTarget(
      RunningGateway gateway, String url, String conversation, boolean ordered) {
    var created =
        gateway.postApi(
            "/api/targets",
            JSON.writeValueAsString(
                Map.of("url", url, "conversation", conversation, "ordered", ordered)));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body());
  }

  private static JsonNode delivery(String id) {
    return JSON.readTree(gateway.getApi("/api/deliveries/" + id).body());
  }

  private static String status(String id) {
    return delivery(id).get("delivery").get("status").asString();
  }
}
