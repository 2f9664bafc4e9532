package dev.maigw.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The SSE line reading: data lines only, both id spellings, [DONE] and EOF as ends. */
class SseChunkReaderTest {

  private static final ApiCall CALL =
      ApiCall.post(
          URI.create("http://127.0.0.1/api/v1/"), "chatbots/b/completions/", ApiJson.object());

  @Test
  void ignoresEventIdCommentAndBlankLinesAndEmptyData() {
    SseChunkReader reader =
        reader(
            ": keep-alive\r\n"
                + "event: message\r\n"
                + "id: 7\r\n"
                + "data:\r\n"
                + "\r\n"
                + "data:{\"conversationId\":\"c1\",\"content\":\"Hi\",\"done\":false}\r\n\r\n");

    assertThat(reader.next()).isEqualTo(new CompletionChunk("c1", "Hi", false));
    assertThat(reader.next()).isNull();
    assertThat(reader.sawSentinel()).isFalse();
  }

  @Test
  void readsSnakeCaseConversationId() {
    SseChunkReader reader =
        reader("data: {\"conversation_id\":\"c2\",\"content\":\"\",\"done\":true}\n\n");

    assertThat(reader.next()).isEqualTo(new CompletionChunk("c2", "", true));
  }

  @Test
  void endsAtDoneSentinelWithoutReadingFurther() {
    SseChunkReader reader =
        reader(
            "data: {\"conversationId\":\"c\",\"content\":\"a\"}\n\n"
                + "data: [DONE]\n\n"
                + "data: {\"conversationId\":\"c\",\"content\":\"after\"}\n\n");

    assertThat(reader.next().content()).isEqualTo("a");
    assertThat(reader.next()).isNull();
    assertThat(reader.sawSentinel()).isTrue();
  }

  @Test
  void dataThatIsNotJsonIsAnInvalidResponse() {
    SseChunkReader reader = reader("data: <html>oops</html>\n\n");

    MaiAgentApiException e = catchThrowableOfType(MaiAgentApiException.class, reader::next);

    assertThat(e.kind()).isEqualTo(MaiAgentApiException.Kind.INVALID_RESPONSE);
    assertThat(e.body()).isEqualTo("<html>oops</html>");
  }

  static SseChunkReader reader(String body) {
    return new SseChunkReader(
        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), CALL);
  }
}
