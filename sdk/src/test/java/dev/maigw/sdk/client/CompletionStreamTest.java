package dev.maigw.sdk.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Summing a stream: deltas concatenated, the end found, a cut-off told apart. */
class CompletionStreamTest {

  private static final ApiCall CALL =
      ApiCall.post(
          URI.create("http://127.0.0.1/api/v1/"), "chatbots/b/completions/", ApiJson.object());

  @Test
  void textConcatenatesDeltasAndStopsAfterDone() {
    CompletionStream stream =
        stream(
            event("c", "您好", false)
                + event("c", "，世界", false)
                + event("c", "", true)
                + event("c", "ignored", false));

    assertThat(stream.result()).isEqualTo(new CompletionResult("c", "您好，世界", true));
    assertThat(stream.hasNext()).isFalse();
    assertThatThrownBy(stream::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void streamCutOffBeforeDoneIsNotDone() {
    CompletionStream stream = stream(event("c", "half an ans", false));

    CompletionResult result = stream.result();

    assertThat(result.content()).isEqualTo("half an ans");
    assertThat(result.done()).isFalse();
  }

  @Test
  void doneSentinelCountsAsDone() {
    CompletionStream stream = stream(event("c", "all", false) + "data: [DONE]\n\n");

    assertThat(stream.result()).isEqualTo(new CompletionResult("c", "all", true));
  }

  @Test
  void closingEarlyEndsTheStream() {
    CompletionStream stream = stream(event("c", "a", false) + event("c", "b", false));
    stream.next();

    stream.close();

    assertThat(stream.hasNext()).isFalse();
    assertThat(stream.text()).isEqualTo("a");
  }

  @Test
  void plainJsonAnswerToAStreamingRequestIsReadAsOneFinalChunk() {
    byte[] json = "{\"conversationId\":\"c\",\n \"content\":\"whole\"}".getBytes(UTF_8);

    CompletionStream stream =
        CompletionStream.of("application/json", 200, new ByteArrayInputStream(json), CALL);

    assertThat(stream.result()).isEqualTo(new CompletionResult("c", "whole", true));
  }

  private static String event(String id, String content, boolean done) {
    return "data: "
        + ApiJson.object().put("conversationId", id).put("content", content).put("done", done)
        + "\n\n";
  }

  private static CompletionStream stream(String body) {
    return new CompletionStream(new ByteArrayInputStream(body.getBytes(UTF_8)), CALL);
  }
}
