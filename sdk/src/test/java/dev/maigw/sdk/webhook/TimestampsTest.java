package dev.maigw.sdk.webhook;

import static dev.maigw.sdk.webhook.Rejections.READER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The message timestamp: W1 (which key) and W2 (which format). Never a reason to reject. */
class TimestampsTest {

  private static final Instant MAY_20 = Instant.parse("2025-05-20T06:41:12.345Z");

  @Test
  void readsCamelCaseCreatedAt() {
    WebhookMessage message = READER.read(Replies.valid().bytes());

    assertThat(message.createdAt()).isEqualTo(MAY_20);
    assertThat(message.createdAtRaw()).isEqualTo("1747723272345");
  }

  @Test
  void readsSnakeCaseCreatedAt() {
    byte[] body = Replies.valid().without("createdAt").with("created_at", "1747723272345").bytes();

    WebhookMessage message = READER.read(body);

    assertThat(message.createdAt()).isEqualTo(MAY_20);
    assertThat(message.warnings()).isEmpty();
  }

  @Test
  void prefersCamelCaseAndWarnsWhenBothKeysDiffer() {
    byte[] body = Replies.valid().with("created_at", "1728219442000").bytes();

    WebhookMessage message = READER.read(body);

    assertThat(message.createdAt()).isEqualTo(MAY_20);
    assertThat(message.warnings())
        .containsExactly("createdAt and created_at differ; used createdAt.");
  }

  @Test
  void doesNotWarnWhenBothKeysAgree() {
    byte[] body = Replies.valid().with("created_at", "1747723272345").bytes();

    assertThat(READER.read(body).warnings()).isEmpty();
  }

  @Test
  void fallsBackToSnakeCaseWhenCamelCaseIsNull() {
    byte[] body = Replies.valid().with("createdAt", null).with("created_at", "1728219442").bytes();

    assertThat(READER.read(body).createdAt()).isEqualTo(Instant.parse("2024-10-06T12:57:22Z"));
  }

  @Test
  void readsEpochMillisecondsAsJsonNumber() {
    byte[] body = Replies.valid().with("createdAt", 1747723272345L).bytes();

    WebhookMessage message = READER.read(body);

    assertThat(message.createdAt()).isEqualTo(MAY_20);
    assertThat(message.createdAtRaw()).isEqualTo("1747723272345");
  }

  @Test
  void readsEpochSecondsAsJsonNumber() {
    byte[] body = Replies.valid().with("createdAt", 1728219442).bytes();

    assertThat(READER.read(body).createdAt()).isEqualTo(Instant.parse("2024-10-06T12:57:22Z"));
  }

  @Test
  void readsIsoTimestamp() {
    byte[] body = Replies.valid().with("createdAt", "2024-02-18T13:45:30.000Z").bytes();

    assertThat(READER.read(body).createdAt()).isEqualTo(Instant.parse("2024-02-18T13:45:30Z"));
  }

  @Test
  void readsMissingTimestampAsNullWithoutWarning() {
    WebhookMessage message = READER.read(Replies.valid().without("createdAt").bytes());

    assertThat(message.createdAt()).isNull();
    assertThat(message.createdAtRaw()).isNull();
    assertThat(message.warnings()).isEmpty();
  }

  @Test
  void keepsUnparsableTimestampAsRawTextWithWarning() {
    WebhookMessage message = READER.read(Replies.valid().with("createdAt", "yesterday").bytes());

    assertThat(message.createdAt()).isNull();
    assertThat(message.createdAtRaw()).isEqualTo("yesterday");
    assertThat(message.warnings())
        .containsExactly("createdAt 'yesterday' is not a timestamp; stored as null.");
  }

  @Test
  void namesTheSnakeCaseKeyInTheWarning() {
    byte[] body = Replies.valid().without("createdAt").with("created_at", "soon").bytes();

    assertThat(READER.read(body).warnings())
        .containsExactly("created_at 'soon' is not a timestamp; stored as null.");
  }

  @Test
  void warnsAboutTimestampThatIsAnObject() {
    byte[] body = Replies.valid().with("createdAt", Replies.json("{\"ms\":1}")).bytes();

    WebhookMessage message = READER.read(body);

    assertThat(message.createdAt()).isNull();
    assertThat(message.createdAtRaw()).isEqualTo("{\"ms\":1}");
    assertThat(message.warnings())
        .containsExactly("createdAt is an object, not a timestamp; stored as null.");
  }

  @Test
  void escapesAndShortensBodyTextQuotedInAWarning() {
    String hostile = "\u001b[31m" + "x".repeat(500);

    String warning =
        READER.read(Replies.valid().with("createdAt", hostile).bytes()).warnings().get(0);

    assertThat(warning).startsWith("createdAt '\\u001B[31mxxx").contains("…'").hasSizeLessThan(150);
  }

  @ParameterizedTest
  @CsvSource({
    "1747723272345, 2025-05-20T06:41:12.345Z",
    "1728219442, 2024-10-06T12:57:22Z",
    "' 1747723272345 ', 2025-05-20T06:41:12.345Z",
    "0000000000, 1970-01-01T00:00:00Z",
    "2024-02-18T13:45:30Z, 2024-02-18T13:45:30Z",
    "2024-02-18T13:45:30.123456Z, 2024-02-18T13:45:30.123456Z",
    "2024-02-18T21:45:30+08:00, 2024-02-18T13:45:30Z",
    "2024-02-18T13:45:30, 2024-02-18T13:45:30Z",
  })
  void parsesAcceptedForms(String text, String expected) {
    assertThat(Timestamps.parse(text)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "174772327234",
        "17477232723450",
        "172821944",
        "-1728219442",
        "1.747723272345E12",
        "2024-02-18",
        "13:45:30",
        "2024-02-30T13:45:30Z",
        "２０２４-02-18T13:45:30Z",
        "yesterday"
      })
  void returnsNullForTextInNoAcceptedForm(String text) {
    assertThat(Timestamps.parse(text)).isNull();
  }

  @Test
  void doesNotTryToParseVeryLongText() {
    assertThat(Timestamps.parse("2024-02-18T13:45:30Z" + " ".repeat(10) + "x".repeat(100)))
        .isNull();
  }
}
