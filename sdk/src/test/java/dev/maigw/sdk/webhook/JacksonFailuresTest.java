package dev.maigw.sdk.webhook;

import static dev.maigw.sdk.webhook.Rejections.rejectionOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.io.ContentReference;

/** The detail sentences for syntax failures stay one short line that quotes little of the body. */
class JacksonFailuresTest {

  @Test
  void writesEveryDetailOnOneLine() {
    List<byte[]> bodies =
        List.of(
            Replies.valid().withRaw("content", "\"a\nb\"").bytes(),
            Replies.valid().withRaw("content", "tru\u001b[31m").bytes(),
            Replies.valid().withDuplicate("sender", "{\"\\n\":1,\"\\n\":2}").bytes(),
            Replies.valid().withRaw("a\u001b", "@").bytes(),
            "{\n\n\"id\":".getBytes(StandardCharsets.UTF_8));

    for (byte[] body : bodies) {
      assertThat(rejectionOf(body).detail()).doesNotContainPattern("[\\x00-\\x1F\\x7F]");
    }
  }

  @Test
  void escapesControlCharactersInADuplicatedName() {
    byte[] body = Replies.valid().withRaw("sender", "{\"a\\u001bb\":1,\"a\\u001bb\":2}").bytes();

    assertThat(rejectionOf(body).detail())
        .startsWith("Body repeats the property 'a\\u001Bb' in one object");
  }

  @Test
  void shortensAVeryLongDuplicatedName() {
    String name = "n".repeat(1000);
    byte[] body =
        Replies.valid().withRaw("sender", "{\"" + name + "\":1,\"" + name + "\":2}").bytes();

    assertThat(rejectionOf(body).detail())
        .contains("'" + "n".repeat(79) + "…'")
        .hasSizeLessThan(160);
  }

  @Test
  void countsLinesFromOneAtEachLineFeed() {
    byte[] body = "a\nbc\n退d".getBytes(StandardCharsets.UTF_8);

    assertThat(JacksonFailures.where(null, body)).isEmpty();
    assertThat(JacksonFailures.where(location(0), body)).isEqualTo(", at line 1 column 1");
    assertThat(JacksonFailures.where(location(4), body)).isEqualTo(", at line 2 column 3");
    assertThat(JacksonFailures.where(location(8), body)).isEqualTo(", at line 3 column 2");
    assertThat(JacksonFailures.where(location(99), body)).isEqualTo(", at line 3 column 3");
  }

  @Test
  void doesNotCountTheByteOrderMarkAsAColumn() {
    byte[] body = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', 'x'};

    assertThat(rejectionOf(body).detail()).endsWith(", at line 1 column 2.");
  }

  private static TokenStreamLocation location(long byteOffset) {
    return new TokenStreamLocation(ContentReference.unknown(), byteOffset, -1L, -1, -1);
  }
}
