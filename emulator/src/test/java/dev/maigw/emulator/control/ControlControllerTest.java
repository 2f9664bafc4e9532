package dev.maigw.emulator.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.maigw.emulator.MaiAgentEmulator;
import dev.maigw.emulator.fault.Faults;
import dev.maigw.emulator.testing.ApiClient;
import dev.maigw.emulator.testing.Emulators;
import dev.maigw.emulator.testing.WebhookReceiver;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ControlControllerTest {
  private WebhookReceiver receiver;
  private MaiAgentEmulator emulator;
  private ApiClient api;

  @BeforeEach
  void start() throws IOException {
    receiver = WebhookReceiver.start();
    emulator = MaiAgentEmulator.start(Emulators.fast(receiver.url()));
    api = new ApiClient(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
    receiver.close();
  }

  @Test
  void postingFaultsChangesOnlyTheSwitchesGiven() {
    HttpResponse<String> response =
        api.control(
            "POST", "/_emulator/faults", "{\"timestampKey\":\"created_at\",\"deliveryCopies\":2}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode faults = ApiClient.json(api.control("GET", "/_emulator/faults", null));
    assertThat(faults.get("timestampKey").asString()).isEqualTo("created_at");
    assertThat(faults.get("deliveryCopies").asInt()).isEqualTo(2);
    assertThat(faults.get("senderIdType").asString()).isEqualTo("number");
    assertThat(emulator.faults().deliveryCopies()).isEqualTo(2);
  }

  @Test
  void unknownFaultOrValueAnswers400WithACode() {
    HttpResponse<String> unknown = api.control("POST", "/_emulator/faults", "{\"duplicates\":2}");
    HttpResponse<String> badValue =
        api.control("POST", "/_emulator/faults", "{\"timestampFormat\":\"nanos\"}");

    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(ApiClient.json(unknown).get("code").asString()).isEqualTo("invalid_fault");
    assertThat(ApiClient.json(badValue).get("detail").asString())
        .isEqualTo(
            "Unknown value for fault timestampFormat: nanos; expected one of ms, ms-number,"
                + " seconds, iso");
    assertThat(emulator.faults()).isEqualTo(Faults.none());
  }

  @Test
  void deletingFaultsRestoresWellBehavedMaiAgent() {
    emulator.setFaults(Faults.none().withDeliveryCopies(3));

    api.control("DELETE", "/_emulator/faults", null);

    assertThat(emulator.faults()).isEqualTo(Faults.none());
  }

  @Test
  void injectedApiErrorsAnswerTheNextCallsOnTheirPathThenStop() {
    String conversation = api.createConversation();
    api.control(
        "POST",
        "/_emulator/faults",
        "{\"apiError\":{\"status\":429,\"count\":2,\"path\":\"messages/\"}}");

    HttpResponse<String> first = api.postJson("messages/", "{}");
    HttpResponse<String> otherPath = api.get("inboxes/");
    HttpResponse<String> second = api.get("messages/?conversation=" + conversation);
    HttpResponse<String> third = api.get("messages/?conversation=" + conversation);

    assertThat(first.statusCode()).isEqualTo(429);
    assertThat(first.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(ApiClient.json(first).get("detail").asString()).startsWith("Request was throttled");
    assertThat(otherPath.statusCode()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(third.statusCode()).isEqualTo(200);
  }

  @Test
  void injectedErrorsCanCarryACustomBody() {
    api.control(
        "POST",
        "/_emulator/faults",
        "{\"apiError\":{\"status\":503,\"count\":1,\"body\":{\"detail\":\"maintenance\"}}}");

    HttpResponse<String> response = api.get("inboxes/");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).isEqualTo("{\"detail\":\"maintenance\"}");
  }

  @Test
  void deliveriesShowWhatWasSentAndWhatTheReceiverAnswered() {
    receiver.answerWith(500);
    String conversation = api.createConversation();
    api.sendMessage(conversation, "inspect me");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                "DELIVERED"
                    .equals(
                        emulator.deliveries().isEmpty()
                            ? null
                            : emulator.deliveries().get(0).state().name()));

    JsonNode page =
        ApiClient.json(
            api.control("GET", "/_emulator/deliveries?conversation=" + conversation, null));

    JsonNode delivery = page.get("results").get(0);
    assertThat(page.get("count").asInt()).isEqualTo(1);
    assertThat(delivery.get("body").get("content").asString()).contains("inspect me");
    assertThat(delivery.get("attempts")).hasSize(2);
    assertThat(delivery.get("attempts").get(0).get("status").asInt()).isEqualTo(500);
    assertThat(delivery.get("attempts").get(1).get("response").asString())
        .contains("Webhook received successfully");
    assertThat(delivery.get("attempts").get(1).get("startedAt").asString()).endsWith("Z");
  }

  @Test
  void requestsListTheApiCallsReceived() {
    api.createConversation();

    JsonNode page = ApiClient.json(api.control("GET", "/_emulator/requests", null));

    JsonNode request = page.get("results").get(0);
    assertThat(request.get("method").asString()).isEqualTo("POST");
    assertThat(request.get("target").asString()).isEqualTo("/api/v1/conversations/");
    assertThat(request.get("status").asInt()).isEqualTo(201);
    assertThat(request.get("headers").get("authorization").asString()).startsWith("Api-Key ");
    assertThat(request.get("body").asString()).contains("webChat");
  }

  @Test
  void pushingAReplySendsItToTheWebhookNow() {
    String conversation = api.createConversation();

    HttpResponse<String> response =
        api.control(
            "POST",
            "/_emulator/webhooks",
            "{\"conversation\":\"" + conversation + "\",\"content\":\"真人客服稍後回覆\"}");

    assertThat(response.statusCode()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(5)).until(() -> receiver.contents().size() == 1);
    assertThat(receiver.contents()).containsExactly("真人客服稍後回覆");
    assertThat(receiver.bodies().get(0).get("id").asString())
        .isEqualTo(ApiClient.json(response).get("messageId").asString());
  }

  @Test
  void pushingARawBodySendsItVerbatim() {
    api.control("POST", "/_emulator/webhooks", "{\"body\":{\"conversation_id\":\"c9\",\"x\":1}}");

    await().atMost(Duration.ofSeconds(5)).until(() -> receiver.rawBodies().size() == 1);
    assertThat(receiver.rawBodies()).containsExactly("{\"conversation_id\":\"c9\",\"x\":1}");
  }

  @Test
  void resetForgetsConversationsRequestsAndFaults() {
    String conversation = api.createConversation();
    emulator.setFaults(Faults.none().withDeliveryCopies(2));

    api.control("POST", "/_emulator/reset", null);

    assertThat(api.get("conversations/" + conversation + "/").statusCode()).isEqualTo(404);
    assertThat(emulator.faults()).isEqualTo(Faults.none());
    assertThat(emulator.requests()).hasSize(1);
  }

  @Test
  void webhookUrlSwitchesOnlyToLoopback() {
    HttpResponse<String> refused =
        api.control("PUT", "/_emulator/webhook-url", "{\"url\":\"https://example.org/hook\"}");
    HttpResponse<String> accepted =
        api.control("PUT", "/_emulator/webhook-url", "{\"url\":\"http://localhost:1234/h\"}");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(ApiClient.json(refused).get("code").asString()).isEqualTo("invalid_setting");
    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(emulator.webhookUrl()).hasToString("http://localhost:1234/h");
  }

  @Test
  void switchingOutOfOrderOffReleasesHeldReplies() {
    api.control("POST", "/_emulator/faults", "{\"outOfOrderBatch\":4}");
    String conversation = api.createConversation();
    api.sendMessage(conversation, "first");
    api.sendMessage(conversation, "second");
    await().atMost(Duration.ofSeconds(5)).until(() -> emulator.deliveries().size() == 2);

    api.control("POST", "/_emulator/faults", "{\"outOfOrderBatch\":0}");

    await().atMost(Duration.ofSeconds(5)).until(() -> receiver.contents().size() == 2);
    assertThat(receiver.contents().get(0)).contains("second");
  }

  @Test
  void unknownControlPathAnswers404PointingAtTheIndex() {
    HttpResponse<String> response = api.control("GET", "/_emulator/nothing", null);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(ApiClient.json(response).get("index").asString())
        .isEqualTo(emulator.origin() + "/_emulator");
    assertThat(api.control("GET", "/_emulator/", null).statusCode()).isEqualTo(200);
  }
}
