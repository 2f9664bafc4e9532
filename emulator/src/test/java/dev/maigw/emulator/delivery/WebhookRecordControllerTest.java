package dev.maigw.emulator.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.maigw.emulator.MaiAgentEmulator;
import dev.maigw.emulator.fault.Faults;
import dev.maigw.emulator.testing.ApiClient;
import dev.maigw.emulator.testing.Emulators;
import dev.maigw.emulator.testing.WebhookReceiver;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WebhookRecordControllerTest {
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
  void recordsEveryAttemptWithItsStatusBodyAndResponse() {
    receiver.answerWith(503);
    String conversation = api.createConversation();
    api.sendMessage(conversation, "hello");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> deliveredAttempts().size() == 2 && receiver.rawBodies().size() == 2);

    JsonNode page = ApiClient.json(api.get("chatbots/bot-1/webhook-records/"));

    assertThat(page.get("count").asInt()).isEqualTo(2);
    JsonNode newest = page.get("results").get(0);
    JsonNode first = page.get("results").get(1);
    assertThat(newest.propertyNames())
        .containsExactly(
            "id", "chatbot", "url", "requestBody", "response", "statusCode", "createdAt");
    assertThat(first.get("statusCode").asInt()).isEqualTo(503);
    assertThat(first.get("response").asString()).isEqualTo("{\"error\":\"no\"}");
    assertThat(newest.get("statusCode").asInt()).isEqualTo(200);
    assertThat(newest.get("chatbot").get("id").asString()).isEqualTo("bot-1");
    assertThat(newest.get("url").asString()).isEqualTo(receiver.url());
    assertThat(newest.get("createdAt").asString()).matches("\\d{13}");
    assertThat(newest.get("requestBody").get("conversation").asString()).isEqualTo(conversation);
    assertThat(newest.get("requestBody").get("type").asString()).isEqualTo("outgoing");
    assertThat(newest.get("id").asString()).isNotEqualTo(first.get("id").asString());
  }

  @Test
  void droppedWebhooksAreListedAsFailedAttemptsWhileTheReplyIsListedByTheApi() {
    emulator.setFaults(Faults.none().withDropWebhooks(true));
    String conversation = api.createConversation();
    api.sendMessage(conversation, "hello");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                !emulator.deliveries().isEmpty()
                    && emulator.deliveries().get(0).state() == DeliveryState.GAVE_UP);

    JsonNode records = ApiClient.json(api.get("chatbots/bot-1/webhook-records/")).get("results");
    JsonNode listed = ApiClient.json(api.get("messages/?conversation=" + conversation));

    assertThat(records).hasSize(4);
    records.forEach(
        record -> {
          assertThat(record.get("statusCode").isNull()).isTrue();
          assertThat(record.get("response").asString()).isEqualTo(WebhookSender.DROPPED);
        });
    assertThat(receiver.rawBodies()).isEmpty();
    assertThat(listed.get("results").get(0).get("type").asString()).isEqualTo("outgoing");
    assertThat(listed.get("results").get(0).get("id").asString())
        .isEqualTo(records.get(0).get("requestBody").get("id").asString());
  }

  @Test
  void followingAbsoluteNextLinksVisitsEveryRecordOnce() {
    String conversation = api.createConversation();
    for (int i = 0; i < 5; i++) {
      emulator.pushReply(conversation, "reply " + i);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> deliveredAttempts().size() == 5);

    List<String> ids = new ArrayList<>();
    JsonNode page = ApiClient.json(api.get("chatbots/bot-1/webhook-records/?pageSize=2"));
    int pages = 1;
    page.get("results").forEach(record -> ids.add(record.get("id").asString()));
    while (!page.get("next").isNull()) {
      URI next = URI.create(page.get("next").asString());
      assertThat(next.isAbsolute()).isTrue();
      page = ApiClient.json(api.send(api.api(next.toString()).GET()));
      page.get("results").forEach(record -> ids.add(record.get("id").asString()));
      pages++;
    }

    assertThat(pages).isEqualTo(3);
    assertThat(ids).hasSize(5).doesNotHaveDuplicates();
    assertThat(page.get("previous").asString())
        .isEqualTo(emulator.baseUrl() + "chatbots/bot-1/webhook-records/?page=2&pageSize=2");
    assertThat(api.get("chatbots/bot-1/webhook-records/?page=9").statusCode()).isEqualTo(404);
  }

  private List<DeliveryAttempt> deliveredAttempts() {
    return emulator.deliveries().stream().flatMap(d -> d.attempts().stream()).toList();
  }
}
