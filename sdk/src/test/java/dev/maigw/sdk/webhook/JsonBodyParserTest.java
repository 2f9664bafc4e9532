package dev.maigw.sdk.webhook;

import static dev.maigw.sdk.webhook.Rejections.READER;
import static dev.maigw.sdk.webhook.Rejections.assertRejected;
import static dev.maigw.sdk.webhook.Rejections.rejectionOf;
import static dev.maigw.sdk.webhook.WebhookFormatProblem.DUPLICATE_KEY;
import static dev.maigw.sdk.webhook.WebhookFormatProblem.EMPTY_BODY;
import static dev.maigw.sdk.webhook.WebhookFormatProblem.LIMIT_EXCEEDED;
import static dev.maigw.sdk.webhook.WebhookFormatProblem.MALFORMED_JSON;
import static dev.maigw.sdk.webhook.WebhookFormatProblem.NOT_AN_OBJECT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Syntax stage: docs/reliability.md §c cases 27–38 that concern the JSON text itself. */
class JsonBodyParserTest {

  @Test
  void rejectsEmptyBody() {
    assertRejected(new byte[0], EMPTY_BODY, "Body is empty.");
  }

  @Test
  void rejectsWhitespaceOnlyBodyAsEmpty() {
    assertRejected(bytes(" \r\n\t "), EMPTY_BODY, "Body holds only whitespace.");
  }

  @Test
  void rejectsByteOrderMarkOnlyBodyAsEmpty() {
    assertRejected(
        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, ' '},
        EMPTY_BODY,
        "Body holds only whitespace.");
  }

  @Test
  void acceptsUtf8ByteOrderMark() {
    byte[] reply = Replies.valid().bytes();
    byte[] body = new byte[reply.length + 3];
    body[0] = (byte) 0xEF;
    body[1] = (byte) 0xBB;
    body[2] = (byte) 0xBF;
    System.arraycopy(reply, 0, body, 3, reply.length);

    assertThat(READER.read(body).id()).isEqualTo("b1f4c2e0-6a3d-4c1e-9f7a-2d5e8c9b0a11");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "null | null",
        "42 | an integer",
        "4.2 | a decimal number",
        "\"a reply\" | a string",
        "[{\"id\":\"a\",\"conversation\":\"c\"}] | an array",
        "true | a boolean"
      })
  void rejectsTopLevelValueThatIsNotAnObject(String body, String type) {
    assertRejected(bytes(body), NOT_AN_OBJECT, "Body must be a JSON object, not " + type + ".");
  }

  @Test
  void rejectsTrailingGarbageAfterTheObject() {
    Replies reply = Replies.valid().followedBy(" xyz");
    int column = reply.json().indexOf(" xyz") + 2;

    assertRejected(
        reply.bytes(),
        MALFORMED_JSON,
        "Body is not valid JSON: Unrecognized token 'xyz': was expecting (JSON String, Number,"
            + " Array, Object or token 'null', 'true' or 'false'), at line 1 column "
            + column
            + ".");
  }

  @Test
  void rejectsTwoConcatenatedDocuments() {
    String one = Replies.valid().json();
    Replies two = Replies.valid().followedBy(one);

    assertRejected(
        two.bytes(),
        MALFORMED_JSON,
        "Body is not valid JSON: more content follows the top-level value, at line 1 column "
            + (one.length() + 1)
            + ".");
  }

  @Test
  void rejectsDuplicateKeysAsSyntaxError() {
    byte[] body = Replies.valid().withDuplicate("id", "\"other-id\"").bytes();

    assertRejected(
        body, DUPLICATE_KEY, "Body repeats the property 'id' in one object, at line 1 column 22.");
  }

  @Test
  void rejectsDuplicateKeysInsideNestedObjects() {
    byte[] body = Replies.valid().withRaw("sender", "{\"id\":1,\"id\":2}").bytes();

    assertRejected(
        body, DUPLICATE_KEY, "Body repeats the property 'id' in one object, at line 1 column 23.");
  }

  @Test
  void rejectsNestingTenThousandDeepQuicklyWithoutStackOverflow() {
    byte[] body = Replies.valid().withRaw("feedback", "[".repeat(10_000)).bytes();
    READER.read(Replies.valid().bytes());

    long started = System.nanoTime();
    WebhookFormatException e = rejectionOf(body);
    long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(e.problem()).isEqualTo(LIMIT_EXCEEDED);
    assertThat(e.detail()).isEqualTo("Body nests deeper than 64 levels.");
    assertThat(elapsedMillis).isLessThan(500);
  }

  @Test
  void acceptsNestingExactlyAtTheLimit() {
    byte[] body = Replies.valid().withRaw("feedback", "[".repeat(63) + "]".repeat(63)).bytes();

    assertThat(READER.read(body).feedback().isArray()).isTrue();
  }

  @Test
  void rejectsNestingOneBeyondTheLimit() {
    byte[] body = Replies.valid().withRaw("feedback", "[".repeat(64) + "]".repeat(64)).bytes();

    assertRejected(body, LIMIT_EXCEEDED, "Body nests deeper than 64 levels.");
  }

  @Test
  void rejectsFifteenHundredDigitNumber() {
    byte[] body = Replies.valid().withRaw("score", "1".repeat(1500)).bytes();

    assertRejected(body, LIMIT_EXCEEDED, "Body holds a number longer than 100 characters.");
  }

  @Test
  void rejectsHundredKilobytePropertyName() {
    byte[] body = Replies.valid().withRaw("k".repeat(100_000), "1").bytes();

    assertRejected(body, LIMIT_EXCEEDED, "Body holds a property name longer than 1024 characters.");
  }

  @Test
  void acceptsHugeExponentInAnUnknownField() {
    byte[] body = Replies.valid().withRaw("score", "1e999999999").bytes();

    assertThat(READER.read(body).warnings()).isEmpty();
  }

  @Test
  void acceptsLoneSurrogateEscape() {
    byte[] body = Replies.valid().withRaw("content", "\"before \\ud800 after\"").bytes();

    assertThat(READER.read(body).content()).isEqualTo("before \ud800 after");
  }

  @Test
  void acceptsEscapedNul() {
    byte[] body = Replies.valid().withRaw("content", "\"a\\u0000b\"").bytes();

    assertThat(READER.read(body).content()).isEqualTo("a\u0000b");
  }

  @ParameterizedTest
  @ValueSource(ints = {0x00, 0x0A, 0x0D, 0x1B, 0x1F})
  void rejectsRawControlByteInsideString(int controlByte) {
    String raw = "\"a" + (char) controlByte + "b\"";
    byte[] body = Replies.valid().withRaw("content", raw).bytes();

    assertRejected(
        body,
        MALFORMED_JSON,
        "Body is not valid JSON: Illegal unquoted character ((CTRL-CHAR, code "
            + controlByte
            + ")): has to be escaped using backslash to be included in string value,"
            + " at line 1 column 14.");
  }

  @Test
  void rejectsNaN() {
    assertRejected(
        Replies.valid().withRaw("content", "NaN").bytes(),
        MALFORMED_JSON,
        "Body is not valid JSON: Non-standard token 'NaN': enable"
            + " `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow, at line 1 column 15.");
  }

  @Test
  void rejectsComments() {
    assertRejected(
        Replies.valid().withRaw("content", "/* note */ \"hi\"").bytes(),
        MALFORMED_JSON,
        "Body is not valid JSON: Unexpected character ('/' (code 47)): maybe a (non-standard)"
            + " comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for"
            + " parser), at line 1 column 12.");
  }

  @Test
  void rejectsSingleQuotes() {
    assertRejected(
        Replies.valid().withRaw("content", "'hi'").bytes(),
        MALFORMED_JSON,
        "Body is not valid JSON: Unexpected character (''' (code 39)): expected a valid value"
            + " (JSON String, Number, Array, Object or token 'null', 'true' or 'false'),"
            + " at line 1 column 12.");
  }

  @Test
  void rejectsTruncatedBody() {
    assertRejected(
        bytes("{\"id\": \"a\",\n \"conversation\":"),
        MALFORMED_JSON,
        "Body is not valid JSON: Unexpected end-of-input within/between Object entries,"
            + " at line 2 column 17.");
  }

  @Test
  void reportsLineAndColumnInCharactersNotBytes() {
    String body = "{\n  \"content\": \"退貨\",\n  \"id\": tru\n}";

    assertThat(rejectionOf(bytes(body)).detail()).endsWith(", at line 3 column 9.");
  }

  @Test
  void quotesOnlyAShortStretchOfAnUnrecognisedToken() {
    byte[] body = Replies.valid().withRaw("content", "x".repeat(5_000)).bytes();

    WebhookFormatException e = rejectionOf(body);

    assertThat(e.problem()).isEqualTo(MALFORMED_JSON);
    assertThat(e.detail()).hasSizeLessThan(220).doesNotContain("x".repeat(81));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
