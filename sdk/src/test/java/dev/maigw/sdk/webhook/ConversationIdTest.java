package dev.maigw.sdk.webhook;

import static dev.maigw.sdk.webhook.Rejections.READER;
import static dev.maigw.sdk.webhook.Rejections.assertRejected;
import static dev.maigw.sdk.webhook.WebhookFormatProblem.INVALID_FIELD;
import static dev.maigw.sdk.webhook.WebhookFormatProblem.INVALID_ID;
import static dev.maigw.sdk.webhook.WebhookFormatProblem.MISSING_FIELD;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The conversation id and its fallback keys (W7); same id rules as the message id. */
class ConversationIdTest {

  @Test
  void readsConversation() {
    WebhookMessage message = READER.read(Replies.valid().bytes());

    assertThat(message.conversationId()).isEqualTo("c7e2a9d4-1b3f-4e6a-8c5d-0f9e2b7a6c33");
  }

  @Test
  void fallsBackToSnakeCaseConversationId() {
    byte[] body = Replies.valid().without("conversation").with("conversation_id", "conv-9").bytes();

    WebhookMessage message = READER.read(body);

    assertThat(message.conversationId()).isEqualTo("conv-9");
    assertThat(message.warnings()).isEmpty();
  }

  @Test
  void fallsBackToCamelCaseConversationId() {
    byte[] body = Replies.valid().without("conversation").with("conversationId", "conv-7").bytes();

    assertThat(READER.read(body).conversationId()).isEqualTo("conv-7");
  }

  @Test
  void prefersConversationAndWarnsWhenAFallbackDiffers() {
    byte[] body = Replies.valid().with("conversation", "a").with("conversation_id", "b").bytes();

    WebhookMessage message = READER.read(body);

    assertThat(message.conversationId()).isEqualTo("a");
    assertThat(message.warnings())
        .containsExactly("conversation and conversation_id differ; used conversation.");
  }

  @Test
  void doesNotWarnWhenFallbacksAgree() {
    byte[] body = Replies.valid().with("conversation", "a").with("conversationId", "a").bytes();

    assertThat(READER.read(body).warnings()).isEmpty();
  }

  @Test
  void treatsNullConversationAsAbsentAndFallsBack() {
    byte[] body = Replies.valid().with("conversation", null).with("conversation_id", "b").bytes();

    assertThat(READER.read(body).conversationId()).isEqualTo("b");
  }

  @Test
  void readsIntegerConversationIdAsItsDigits() {
    assertThat(READER.read(Replies.valid().with("conversation", 456).bytes()).conversationId())
        .isEqualTo("456");
  }

  @Test
  void rejectsMissingConversation() {
    assertRejected(
        Replies.valid().without("conversation").bytes(),
        MISSING_FIELD,
        "Field 'conversation' is required.");
  }

  @Test
  void rejectsConversationThatIsAnObject() {
    assertRejected(
        Replies.valid().with("conversation", Replies.json("{\"id\":\"c\"}")).bytes(),
        INVALID_FIELD,
        "Field 'conversation' must be a string or an integer, not an object.");
  }

  @Test
  void namesTheFallbackKeyWhenItsValueIsInvalid() {
    byte[] body = Replies.valid().without("conversation").with("conversation_id", "").bytes();

    assertRejected(body, INVALID_ID, "Field 'conversation_id' is empty.");
  }

  @Test
  void rejectsConversationWithControlCharacter() {
    assertRejected(
        Replies.valid().with("conversation", "c1\r\nX-Injected: 1").bytes(),
        INVALID_ID,
        "Field 'conversation' contains a control character.");
  }

  @Test
  void rejectsConversationLongerThan256Characters() {
    assertRejected(
        Replies.valid().with("conversation", "c".repeat(257)).bytes(),
        INVALID_ID,
        "Field 'conversation' is longer than 256 characters.");
  }
}
