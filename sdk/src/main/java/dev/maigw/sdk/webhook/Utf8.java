package dev.maigw.sdk.webhook;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 checks on raw bodies. Jackson guesses UTF-16 and UTF-32 from leading bytes and
 * accepts overlong forms such as {@code C0 AF}, so bodies are checked here before parsing.
 */
final class Utf8 {

  private Utf8() {}

  /** Tells whether the body starts with the UTF-8 byte order mark {@code EF BB BF}. */
  static boolean startsWithBom(byte[] body) {
    return body.length >= 3
        && (body[0] & 0xFF) == 0xEF
        && (body[1] & 0xFF) == 0xBB
        && (body[2] & 0xFF) == 0xBF;
  }

  /**
   * Tells whether the body starts like UTF-16 or UTF-32 text: a UTF-16 byte order mark, or a zero
   * byte among the first two. JSON text in UTF-8 never starts with a zero byte.
   */
  static boolean looksLikeUtf16Or32(byte[] body) {
    if (body.length < 2) {
      return body.length == 1 && body[0] == 0;
    }
    int b0 = body[0] & 0xFF;
    int b1 = body[1] & 0xFF;
    return b0 == 0 || b1 == 0 || (b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE);
  }

  /**
   * Returns the offset of the first byte that does not start a valid UTF-8 sequence, or -1 if the
   * whole body is valid. Overlong forms, encoded surrogates, code points above U+10FFFF and
   * sequences cut off at the end are all invalid.
   */
  static int firstInvalidOffset(byte[] body) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body);
    CharBuffer out = CharBuffer.allocate(4096);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        return in.position();
      }
      if (result.isOverflow()) {
        out.clear();
      } else {
        return -1;
      }
    }
  }
}
