package dev.maigw.emulator.completion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.emulator.MaiAgentEmulator;
import dev.maigw.emulator.fault.Casing;
import dev.maigw.emulator.fault.Faults;
import dev.maigw.emulator.message.ReplyComposer;
import dev.maigw.emulator.system.Json;
import dev.maigw.emulator.testing.ApiClient;
import dev.maigw.emulator.testing.SharedEmulator;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

class CompletionControllerTest {
  private static final String PATH = "chatbots/bot-1/completions/";
  @RegisterExtension static final SharedEmulator shared = new SharedEmulator();

  private final MaiAgentEmulator emulator = shared.emulator();
  private final ApiClient api = shared.api();

  @BeforeEach
  void clean() {
    emulator.reset();
  }

  /** The {@code data:} payloads of an SSE body, in order. */
  private List<String> events(String body) {
    return Arrays.stream(body.split("\n\n"))
        .filter(event -> event.startsWith("data: "))
        .map(event -> event.substring("data: ".length()))
        .toList();
  }

  @Test
  void nonStreamingAnswersConversationIdContentAndDoneTrue() {
    HttpResponse<String> response =
        api.postJson(PATH, "{\"conversation\":null,\"message\":{\"content\":\"你好\"}}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = ApiClient.json(response);
    assertThat(body.get("content").asString()).isEqualTo(ReplyComposer.replyText("你好"));
    assertThat(body.get("done").asBoolean()).isTrue();
    String conversation = body.get("conversationId").asString();
    assertThat(api.get("conversations/" + conversation + "/").statusCode()).isEqualTo(200);
  }

  @Test
  void continuingAConversationKeepsItsId() {
    String conversation = api.createConversation();

    JsonNode body =
        ApiClient.json(
            api.postJson(
                PATH,
                "{\"conversation\":\"" + conversation + "\",\"message\":{\"content\":\"again\"}}"));

    assertThat(body.get("conversationId").asString()).isEqualTo(conversation);
  }

  @Test
  void unknownConversationAnswers404() {
    HttpResponse<String> response =
        api.postJson(PATH, "{\"conversation\":\"nope\",\"message\":{\"content\":\"x\"}}");

    assertThat(response.statusCode()).isEqualTo(404);
  }

  @Test
  void missingContentAnswers400NestedUnderMessage() {
    HttpResponse<String> response = api.postJson(PATH, "{\"message\":{}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .isEqualTo("{\"message\":{\"content\":[\"This field is required.\"]}}");
  }

  @Test
  void streamingSendsDeltasThenAnEmptyDoneEvent() {
    HttpResponse<String> response =
        api.postJson(PATH, "{\"message\":{\"content\":\"串流測試\"},\"isStreaming\":true}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    List<JsonNode> events = events(response.body()).stream().map(Json::parse).toList();
    assertThat(events.size()).isGreaterThan(2);
    JsonNode last = events.get(events.size() - 1);
    assertThat(last.get("done").asBoolean()).isTrue();
    assertThat(last.get("content").asString()).isEmpty();
    String joined =
        events.stream()
            .filter(event -> !event.get("done").asBoolean())
            .map(event -> event.get("content").asString())
            .reduce("", String::concat);
    assertThat(joined).isEqualTo(ReplyComposer.replyText("串流測試"));
    assertThat(events).allMatch(event -> event.has("conversationId"));
  }

  @Test
  void streamingAcceptsTheSnakeCaseFlagAndCanEndWithDoneSentinel() {
    emulator.setFaults(Faults.none().withStreamDoneSentinel(true).withStreamIdKey(Casing.SNAKE));

    HttpResponse<String> response =
        api.postJson(PATH, "{\"message\":{\"content\":\"hi\"},\"is_streaming\":true}");

    List<String> events = events(response.body());
    assertThat(events.get(events.size() - 1)).isEqualTo("[DONE]");
    assertThat(Json.parse(events.get(0)).has("conversation_id")).isTrue();
    assertThat(Json.parse(events.get(0)).has("conversationId")).isFalse();
  }

  @Test
  void deltasSplitOnCodePointsNotChars() {
    assertThat(CompletionStream.deltas("😀😀😀😀😀😀😀")).containsExactly("😀😀😀😀😀😀", "😀");
  }
}
