package dev.maigw.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.maigw.emulator.fault.Casing;
import dev.maigw.emulator.fault.Faults;
import dev.maigw.emulator.system.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Chatbot completions, plain and streamed, over loopback HTTP against the emulator. */
class MaiAgentClientCompletionsTest {

  private static final String CHATBOT = "5c0e3f9a-1d2b-4c6e-8a7f-0b1c2d3e4f50";
  private static final String REPLY = "您的訊息「你好」已收到。這是 AI 助理的回覆。";

  @RegisterExtension static final TestEmulator mai = new TestEmulator();

  private final MaiAgentClient client = mai.client().build();

  @Test
  void completesInOneAnswerAndStartsAConversation() {
    CompletionResult result = client.complete(CHATBOT, null, "你好", null);

    assertThat(result.content()).isEqualTo(REPLY);
    assertThat(result.conversationId()).isNotBlank();
    assertThat(result.done()).isTrue();
    JsonNode sent = lastBody();
    assertThat(sent.has("conversation")).isFalse();
    assertThat(sent.get("message").get("content").stringValue()).isEqualTo("你好");
    assertThat(sent.get("isStreaming").booleanValue()).isFalse();
    assertThat(sent.get("is_streaming").booleanValue()).isFalse();
  }

  @Test
  void continuesTheConversationItIsGiven() {
    String conversation = client.complete(CHATBOT, null, "你好", null).conversationId();

    CompletionResult second = client.complete(CHATBOT, conversation, "你好", null);

    assertThat(second.conversationId()).isEqualTo(conversation);
    assertThat(lastBody().get("conversation").stringValue()).isEqualTo(conversation);
  }

  @Test
  void streamsDeltasWithCamelCaseIdUntilDone() {
    List<CompletionChunk> chunks = new ArrayList<>();
    try (CompletionStream stream = client.completeStreaming(CHATBOT, null, "你好", null)) {
      stream.forEachRemaining(chunks::add);
      assertThat(stream.text()).isEqualTo(REPLY);
      assertThat(stream.conversationId()).isNotBlank();
    }

    assertThat(chunks).hasSizeGreaterThan(2);
    assertThat(chunks).extracting(CompletionChunk::conversationId).doesNotContainNull();
    assertThat(chunks.get(chunks.size() - 1).done()).isTrue();
    assertThat(chunks.subList(0, chunks.size() - 1)).noneMatch(CompletionChunk::done);
    RecordedRequest request = mai.requests("POST", "/api/v1/chatbots/").get(0);
    assertThat(request.headers()).containsEntry("accept", "text/event-stream");
    assertThat(lastBody().get("isStreaming").booleanValue()).isTrue();
    assertThat(lastBody().get("is_streaming").booleanValue()).isTrue();
  }

  @Test
  void streamsWithSnakeCaseConversationId() {
    mai.emulator.setFaults(Faults.none().withStreamIdKey(Casing.SNAKE));
    String conversation = client.complete(CHATBOT, null, "你好", null).conversationId();

    try (CompletionStream stream = client.completeStreaming(CHATBOT, conversation, "你好", null)) {
      CompletionResult result = stream.result();

      assertThat(result.conversationId()).isEqualTo(conversation);
      assertThat(result.content()).isEqualTo(REPLY);
      assertThat(result.done()).isTrue();
    }
  }

  @Test
  void streamEndingWithDoneSentinelReadsToTheEnd() {
    mai.emulator.setFaults(Faults.none().withStreamDoneSentinel(true));

    List<CompletionChunk> chunks = new ArrayList<>();
    CompletionResult result = client.completeStreaming(CHATBOT, null, "你好", null, chunks::add);

    assertThat(result.content()).isEqualTo(REPLY);
    assertThat(result.done()).isTrue();
    assertThat(chunks.stream().map(CompletionChunk::content).reduce("", String::concat))
        .isEqualTo(REPLY);
  }

  @Test
  void streamingIntoAnUnknownConversationFailsBeforeAnyChunk() {
    MaiAgentApiException e =
        catchThrowableOfType(
            MaiAgentApiException.class,
            () -> client.completeStreaming(CHATBOT, "no-such-conversation", "你好", null));

    assertThat(e.kind()).isEqualTo(MaiAgentApiException.Kind.NOT_FOUND);
    assertThat(e.call()).isEqualTo("POST chatbots/" + CHATBOT + "/completions/");
  }

  private JsonNode lastBody() {
    List<RecordedRequest> requests = mai.requests("POST", "/api/v1/chatbots/");
    String body = requests.get(requests.size() - 1).body();
    return ApiJson.parseObject(body.getBytes(StandardCharsets.UTF_8));
  }
}
