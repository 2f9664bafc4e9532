package dev.maigw.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The webhook endpoint over real HTTP, on a real SQLite file. */
class WebhookServletTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String SUCCESS_BODY = "{\"message\":\"Webhook 接收成功\"}";

  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    gateway = RunningGateway.start();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void answersTheSeedCurlExampleWithExactlyTheDocumentedBody() {
    HttpResponse<String> response = gateway.postWebhook(Fixtures.sample("seed-curl-example.json"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(SUCCESS_BODY);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode stored = message("msg123");
    assertThat(stored.get("conversation").asString()).isEqualTo("conv456");
    assertThat(stored.get("sender").get("id").asString()).isEqualTo("789");
    assertThat(stored.get("sender").get("name").asString()).isEqualTo("測試用戶");
    assertThat(stored.get("createdAt").asString()).isEqualTo("2024-10-06T12:57:22Z");
  }

  @Test
  void storesTheReplyWithTwoCitationsWithItsNormalisedFields() {
    byte[] body = Fixtures.sample("doc-reply-two-citations.json");
    assertThat(gateway.postWebhook(body).statusCode()).isEqualTo(200);

    JsonNode stored = message("668e6255-055f-4e3e-9803-1ecb5853a931");
    assertThat(stored.get("conversation").asString())
        .isEqualTo("28da19c8-58a4-44d8-94e7-5a99294c4583");
    assertThat(stored.get("type").asString()).isEqualTo("outgoing");
    assertThat(stored.get("content").asString()).startsWith("您好！退貨須在收到商品後 7 天內提出申請");
    assertThat(stored.get("sender").get("id").asString()).isEqualTo("1042");
    assertThat(stored.get("createdAt").asString()).isEqualTo("2025-05-20T06:41:12.345Z");
    assertThat(stored.get("citationCount").asInt()).isEqualTo(2);
    assertThat(stored.get("attachmentCount").asInt()).isZero();
    assertThat(rawBody("668e6255-055f-4e3e-9803-1ecb5853a931")).isEqualTo(body);
  }

  @Test
  void storesTheSnakeCaseTimestampReply() {
    assertThat(
            gateway
                .postWebhook(Fixtures.sample("created-at-snake-numeric-sender.json"))
                .statusCode())
        .isEqualTo(200);

    JsonNode stored = message("45b27355-3966-4862-8b99-1d81cee3236d");
    assertThat(stored.get("sender").get("id").asString()).isEqualTo("789");
    assertThat(stored.get("createdAt").asString()).isEqualTo("2025-05-20T06:42:47.345Z");
    assertThat(stored.get("citationCount").asInt()).isZero();
  }

  @Test
  void storesTheStringSenderReplyWithItsAttachment() {
    assertThat(
            gateway
                .postWebhook(Fixtures.sample("created-at-camel-string-sender-attachment.json"))
                .statusCode())
        .isEqualTo(200);

    JsonNode stored = message("a33886a5-25e4-43fe-9146-26b1f3b78e6d");
    assertThat(stored.get("sender").get("id").asString())
        .isEqualTo("be6a886a-6526-421f-a3c2-b91391758fc5");
    assertThat(stored.get("createdAt").asString()).isEqualTo("2025-05-20T08:04:32.345Z");
    assertThat(stored.get("attachmentCount").asInt()).isEqualTo(1);
    assertThat(stored.get("body").get("attachments").get(0).get("filename").asString())
        .isEqualTo("帳單明細_2025-05.pdf");
  }

  @Test
  void storesTheServerSchemaCitationShape() {
    byte[] body = Fixtures.sample("citation-oas-shape.json");
    String id = JSON.readTree(body).get("id").asString();

    assertThat(gateway.postWebhook(body).statusCode()).isEqualTo(200);
    assertThat(message(id).get("citationCount").asInt()).isEqualTo(1);
  }

  @Test
  void acknowledgesARetryWithoutStoringItAgain() {
    byte[] body = Fixtures.reply("retry-1", "conv-retry");

    HttpResponse<String> first = gateway.postWebhook(body);
    HttpResponse<String> second = gateway.postWebhook(body);

    assertThat(first.headers().firstValue(WebhookServlet.OUTCOME_HEADER)).hasValue("stored");
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).isEqualTo(SUCCESS_BODY);
    assertThat(second.headers().firstValue(WebhookServlet.OUTCOME_HEADER)).hasValue("duplicate");
    assertThat(message("retry-1").get("duplicates").asInt()).isEqualTo(1);
    assertThat(conversationMessages("conv-retry")).hasSize(1);
  }

  @Test
  void keepsTheFirstBodyAndCountsAConflictWhenAnIdComesBackDifferent() {
    byte[] first = Fixtures.reply("conflict-1", "conv-conflict", "first");
    byte[] second = Fixtures.reply("conflict-1", "conv-conflict", "second");

    gateway.postWebhook(first);
    HttpResponse<String> response = gateway.postWebhook(second);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue(WebhookServlet.OUTCOME_HEADER)).hasValue("conflict");
    JsonNode stored = message("conflict-1");
    assertThat(stored.get("content").asString()).isEqualTo("first");
    assertThat(stored.get("conflicts").asInt()).isEqualTo(1);
    assertThat(rawBody("conflict-1")).isEqualTo(first);
  }

  @Test
  void storesFiftyConcurrentCopiesOfOneMessageOnce() throws Exception {
    byte[] body = Fixtures.reply("concurrent-1", "conv-concurrent");
    ExecutorService pool = Executors.newFixedThreadPool(50);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      responses.add(
          pool.submit(
              () -> {
                go.await();
                return gateway.postWebhook(body);
              }));
    }
    go.countDown();
    List<String> outcomes = new ArrayList<>();
    for (Future<HttpResponse<String>> response : responses) {
      HttpResponse<String> r = response.get();
      assertThat(r.statusCode()).isEqualTo(200);
      outcomes.add(r.headers().firstValue(WebhookServlet.OUTCOME_HEADER).orElseThrow());
    }
    pool.shutdown();

    assertThat(outcomes).containsOnlyOnce("stored");
    assertThat(outcomes).filteredOn("duplicate"::equals).hasSize(49);
    assertThat(conversationMessages("conv-concurrent")).hasSize(1);
    assertThat(message("concurrent-1").get("duplicates").asInt()).isEqualTo(49);
  }

  @Test
  void keepsEverythingAcrossARestart() {
    byte[] body = Fixtures.reply("restart-1", "conv-restart");
    gateway.postWebhook(body);

    gateway.restart();

    assertThat(rawBody("restart-1")).isEqualTo(body);
    HttpResponse<String> retry = gateway.postWebhook(body);
    assertThat(retry.headers().firstValue(WebhookServlet.OUTCOME_HEADER)).hasValue("duplicate");
  }

  @Test
  void answersTheConfiguredSuccessMessage() {
    try (RunningGateway english =
        RunningGateway.start(
            Map.of("maigw.webhook.success-message", "Webhook received successfully"))) {
      HttpResponse<String> response =
          english.postWebhook(Fixtures.reply("english-1", "conv-english"));

      assertThat(response.body()).isEqualTo("{\"message\":\"Webhook received successfully\"}");
    }
  }

  @Test
  void servesTheWebhookOnAConfiguredPath() {
    try (RunningGateway moved =
        RunningGateway.start(Map.of("maigw.webhook.path", "/hooks/maiagent"))) {
      byte[] body = Fixtures.reply("moved-1", "conv-moved");
      Map<String, String> json = Map.of("Content-Type", "application/json");

      assertThat(moved.post("/hooks/maiagent", body, json).statusCode()).isEqualTo(200);
      assertThat(moved.post("/maiagent/webhook", body, json).statusCode()).isEqualTo(404);
    }
  }

  static JsonNode message(String id) {
    HttpResponse<String> response = gateway.getApi("/api/messages/" + id);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  static byte[] rawBody(String id) {
    return gateway.getApiBytes("/api/messages/" + id + "/raw");
  }

  static List<JsonNode> conversationMessages(String conversation) {
    HttpResponse<String> response =
        gateway.getApi("/api/conversations/" + conversation + "/messages");
    List<JsonNode> items = new ArrayList<>();
    JSON.readTree(response.body()).get("items").forEach(items::add);
    return items;
  }
}
