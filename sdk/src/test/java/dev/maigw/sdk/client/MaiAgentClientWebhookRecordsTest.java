package dev.maigw.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.maigw.emulator.system.RecordedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** MaiAgent's webhook log across pages, over loopback HTTP against the emulator. */
class MaiAgentClientWebhookRecordsTest {

  @RegisterExtension static final TestEmulator mai = new TestEmulator();

  @Test
  void listsEveryRecordByFollowingPageNumbersWithTheFailedOnes() {
    // The emulator's webhooks go to a closed port here: every attempt fails without an answer.
    String conversation = mai.client().build().createConversation("any-web-chat").id();
    List<String> pushed =
        List.of(
            mai.emulator.pushReply(conversation, "one"),
            mai.emulator.pushReply(conversation, "two"),
            mai.emulator.pushReply(conversation, "three"));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> mai.emulator.deliveries().stream().allMatch(d -> d.attempts().size() == 1));

    List<WebhookRecord> records = mai.client().pageSize(2).build().listWebhookRecords("bot-7");

    assertThat(records).hasSize(3);
    assertThat(records)
        .extracting(WebhookRecord::messageId)
        .containsExactlyInAnyOrderElementsOf(pushed);
    assertThat(records).extracting(WebhookRecord::conversationId).containsOnly(conversation);
    assertThat(records).extracting(WebhookRecord::chatbotId).containsOnly("bot-7");
    assertThat(records).extracting(WebhookRecord::statusCode).containsOnlyNulls();
    assertThat(records).noneMatch(WebhookRecord::succeeded);
    assertThat(records).allMatch(r -> r.createdAt() != null && r.response() != null);
    assertThat(mai.requests("GET", "/api/v1/chatbots/bot-7/webhook-records/"))
        .extracting(RecordedRequest::target)
        .containsExactly(
            "/api/v1/chatbots/bot-7/webhook-records/?pageSize=2",
            "/api/v1/chatbots/bot-7/webhook-records/?page=2&pageSize=2");
  }

  @Test
  void readsTheStatusAndABodyKeptAsText() {
    WebhookRecord record =
        WebhookRecord.fromJson(
            ApiJson.parseObject(
                ("{\"id\":\"r1\",\"chatbot\":{\"id\":\"b\"},\"url\":\"https://x/hook\","
                        + "\"requestBody\":\"{\\\"id\\\":\\\"m1\\\",\\\"conversation\\\":\\\"c1\\\"}\","
                        + "\"response\":{\"message\":\"ok\"},\"statusCode\":200,"
                        + "\"createdAt\":\"1728219442000\"}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    assertThat(record.succeeded()).isTrue();
    assertThat(record.messageId()).isEqualTo("m1");
    assertThat(record.conversationId()).isEqualTo("c1");
    assertThat(record.chatbotId()).isEqualTo("b");
    assertThat(record.response()).isEqualTo("{\"message\":\"ok\"}");
    assertThat(record.createdAt()).hasToString("2024-10-06T12:57:22Z");
  }
}
