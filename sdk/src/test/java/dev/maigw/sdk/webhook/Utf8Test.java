package dev.maigw.sdk.webhook;

import static dev.maigw.sdk.webhook.Rejections.assertRejected;
import static dev.maigw.sdk.webhook.WebhookFormatProblem.INVALID_ENCODING;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Encoding checks: docs/reliability.md §c case 30, and bodies in other Unicode encodings. */
class Utf8Test {

  @Test
  void rejectsInvalidMiddleByte() {
    byte[] body = withBytesInContent(0xC3, 0x28);

    assertRejected(
        body,
        INVALID_ENCODING,
        "Body is not valid UTF-8: byte 0xC3 at offset 13 does not start a valid sequence.");
  }

  @Test
  void rejectsOverlongEncoding() {
    byte[] body = withBytesInContent(0xC0, 0xAF);

    assertRejected(
        body,
        INVALID_ENCODING,
        "Body is not valid UTF-8: byte 0xC0 at offset 13 does not start a valid sequence.");
  }

  @Test
  void rejectsEncodedSurrogate() {
    assertThat(Utf8.firstInvalidOffset(new byte[] {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80}))
        .isEqualTo(1);
  }

  @Test
  void rejectsCodePointAboveUnicodeRange() {
    byte[] beyond = {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80};

    assertThat(Utf8.firstInvalidOffset(beyond)).isZero();
  }

  @Test
  void rejectsSequenceCutOffAtTheEnd() {
    assertThat(Utf8.firstInvalidOffset(new byte[] {'{', '}', (byte) 0xE2, (byte) 0x82}))
        .isEqualTo(2);
  }

  @Test
  void acceptsFourByteCharacters() {
    assertThat(Utf8.firstInvalidOffset("{\"content\":\"😀 退貨\"}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(-1);
  }

  @Test
  void findsInvalidByteFarIntoALongBody() {
    byte[] body = new byte[20_001];
    Arrays.fill(body, (byte) 'a');
    body[20_000] = (byte) 0xFF;

    assertThat(Utf8.firstInvalidOffset(body)).isEqualTo(20_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTF-16", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"})
  void rejectsBodiesInOtherUnicodeEncodings(String charset) {
    byte[] body = Replies.valid().json().getBytes(Charset.forName(charset));

    assertRejected(body, INVALID_ENCODING, "Body is not UTF-8: it looks like UTF-16 or UTF-32.");
  }

  @Test
  void detectsByteOrderMark() {
    assertThat(Utf8.startsWithBom(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})).isTrue();
    assertThat(Utf8.startsWithBom(new byte[] {(byte) 0xEF, (byte) 0xBB})).isFalse();
  }

  /** A valid reply whose content string starts with the given raw bytes, at offset 13. */
  private static byte[] withBytesInContent(int... raw) {
    byte[] prefix = "{\"content\":\"x".getBytes(StandardCharsets.UTF_8);
    byte[] rest =
        ("\"," + Replies.valid().without("content").json().substring(1))
            .getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[prefix.length + raw.length + rest.length];
    System.arraycopy(prefix, 0, body, 0, prefix.length);
    for (int i = 0; i < raw.length; i++) {
      body[prefix.length + i] = (byte) raw[i];
    }
    System.arraycopy(rest, 0, body, prefix.length + raw.length, rest.length);
    return body;
  }
}
