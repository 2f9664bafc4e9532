package dev.maigw.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The records read MaiAgent's odd shapes: either id spelling, any timestamp form. */
class ResponseShapesTest {

  private static final Instant MAY_20 = Instant.parse("2025-05-20T06:41:12.345Z");

  @Test
  void completionFallsBackToSnakeCaseConversationId() {
    CompletionResult result =
        CompletionResult.fromJson(json("{\"conversation_id\":\"c9\",\"content\":\"hi\"}"));

    assertThat(result).isEqualTo(new CompletionResult("c9", "hi", true));
  }

  @Test
  void completionPrefersCamelCaseConversationId() {
    CompletionResult result =
        CompletionResult.fromJson(
            json("{\"conversationId\":\"camel\",\"conversation_id\":\"snake\",\"content\":\"\"}"));

    assertThat(result.conversationId()).isEqualTo("camel");
  }

  @Test
  void completionWithoutContentIsRejected() {
    assertThatThrownBy(() -> CompletionResult.fromJson(json("{\"conversationId\":\"c\"}")))
        .isInstanceOf(ResponseShapeException.class)
        .hasMessage("Field 'content' is missing.");
  }

  @Test
  void conversationReadsNumericCreatedAt() {
    Conversation conversation =
        Conversation.fromJson(json("{\"id\":\"c1\",\"createdAt\":1747723272345}"));

    assertThat(conversation.createdAt()).isEqualTo(MAY_20);
    assertThat(conversation.title()).isNull();
  }

  @Test
  void receiptReadsSnakeCaseIsoTimestampAndNumericIds() {
    MessageReceipt receipt =
        MessageReceipt.fromJson(
            json(
                "{\"id\":42,\"conversation\":{\"id\":\"c1\"},"
                    + "\"created_at\":\"2025-05-20T14:41:12.345+08:00\"}"));

    assertThat(receipt.id()).isEqualTo("42");
    assertThat(receipt.conversationId()).isEqualTo("c1");
    assertThat(receipt.createdAt()).isEqualTo(MAY_20);
  }

  @Test
  void unreadableTimestampBecomesNull() {
    assertThat(Conversation.fromJson(json("{\"id\":\"c\",\"createdAt\":\"soon\"}")).createdAt())
        .isNull();
  }

  @Test
  void inboxWithoutChannelHasNoWebChatId() {
    Inbox inbox = Inbox.fromJson(json("{\"id\":\"i\",\"name\":\"n\",\"channelType\":\"line\"}"));

    assertThat(inbox).isEqualTo(new Inbox("i", "n", "line", null, null));
  }

  @Test
  void answerWithoutIdIsRejected() {
    assertThatThrownBy(() -> Conversation.fromJson(json("{\"title\":\"t\"}")))
        .isInstanceOf(ResponseShapeException.class)
        .hasMessage("Field 'id' is missing.");
  }

  private static JsonNode json(String text) {
    return ApiJson.parseObject(text.getBytes(StandardCharsets.UTF_8));
  }
}
