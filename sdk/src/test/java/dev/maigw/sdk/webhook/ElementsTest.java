package dev.maigw.sdk.webhook;

import static dev.maigw.sdk.webhook.Rejections.READER;
import static dev.maigw.sdk.webhook.Rejections.assertRejected;
import static dev.maigw.sdk.webhook.WebhookFormatProblem.INVALID_FIELD;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Attachments and citations: W5 (two citation shapes), W6 (extra arrays), W14 (missing arrays). */
class ElementsTest {

  @Test
  void readsDocShapeCitation() {
    Citation citation = READER.read(Replies.valid().bytes()).citations().get(0);

    assertThat(citation)
        .isEqualTo(
            new Citation(
                "f764b040-37b2-44e7-9889-19ed01a0c11e",
                "returns-2025.pdf",
                "https://media.example.com/chatbot-file/f764b040.pdf",
                "pdf",
                248913L,
                "done",
                "f967f11c-3c37-474f-b384-2e55363599f2",
                null,
                "1738574100000"));
  }

  @Test
  void readsOasShapeCitationAndIgnoresParser() {
    byte[] body =
        Replies.valid()
            .without("citations.0.document")
            .with("citations.0.chatbotFileContent", "ecd4d235")
            .with("citations.0.parser", Replies.json("{\"id\":\"p\",\"priority\":0}"))
            .bytes();

    WebhookMessage message = READER.read(body);

    assertThat(message.citations().get(0).document()).isNull();
    assertThat(message.citations().get(0).chatbotFileContent()).isEqualTo("ecd4d235");
    assertThat(message.warnings()).isEmpty();
  }

  @Test
  void readsMissingArraysAsEmpty() {
    WebhookMessage message =
        READER.read(Replies.valid().without("attachments").without("citations").bytes());

    assertThat(message.attachments()).isEmpty();
    assertThat(message.citations()).isEmpty();
    assertThat(message.warnings()).isEmpty();
  }

  @Test
  void readsNullArraysAsEmpty() {
    WebhookMessage message =
        READER.read(Replies.valid().with("attachments", null).with("citations", null).bytes());

    assertThat(message.attachments()).isEmpty();
    assertThat(message.citations()).isEmpty();
  }

  @Test
  void rejectsAttachmentsThatIsNotAnArray() {
    assertRejected(
        Replies.valid().with("attachments", Replies.json("{\"id\":\"a\"}")).bytes(),
        INVALID_FIELD,
        "Field 'attachments' must be an array, not an object.");
  }

  @Test
  void rejectsCitationsThatIsNotAnArray() {
    assertRejected(
        Replies.valid().with("citations", "none").bytes(),
        INVALID_FIELD,
        "Field 'citations' must be an array, not a string.");
  }

  @Test
  void readsAttachment() {
    byte[] body =
        Replies.valid()
            .with(
                "attachments",
                Replies.json(
                    "[{\"id\":\"16b1\",\"type\":\"other\",\"filename\":\"bill.pdf\","
                        + "\"file\":\"https://media.example.com/16b1.pdf\"}]"))
            .bytes();

    assertThat(READER.read(body).attachments())
        .containsExactly(
            new Attachment("16b1", "other", "bill.pdf", "https://media.example.com/16b1.pdf"));
  }

  @Test
  void readsElementWithNoFieldsAsAllNull() {
    byte[] body = Replies.valid().with("attachments", Replies.json("[{}]")).bytes();

    assertThat(READER.read(body).attachments())
        .containsExactly(new Attachment(null, null, null, null));
  }

  @Test
  void skipsElementsThatAreNotObjectsWithWarning() {
    byte[] body =
        Replies.valid()
            .with("citations.1", "stray")
            .with("attachments", Replies.json("[null]"))
            .bytes();

    WebhookMessage message = READER.read(body);

    assertThat(message.citations()).hasSize(1);
    assertThat(message.attachments()).isEmpty();
    assertThat(message.warnings())
        .containsExactly(
            "attachments[0] is null, not an object; skipped.",
            "citations[1] is a string, not an object; skipped.");
  }

  @Test
  void readsSizeFromNumericString() {
    byte[] body = Replies.valid().with("citations.0.size", "174632").bytes();

    assertThat(READER.read(body).citations().get(0).size()).isEqualTo(174632L);
  }

  @Test
  void readsSizeFromWholeDecimalNumber() {
    byte[] body = Replies.valid().withRaw("citations", "[{\"size\":53210.0}]").bytes();

    assertThat(READER.read(body).citations().get(0).size()).isEqualTo(53210L);
  }

  @Test
  void ignoresUnusableSizeWithWarning() {
    WebhookMessage message = READER.read(Replies.valid().with("citations.0.size", "big").bytes());

    assertThat(message.citations().get(0).size()).isNull();
    assertThat(message.warnings())
        .containsExactly("citations[0].size 'big' is not a whole number; ignored.");
  }

  @Test
  void ignoresFractionalSizeWithWarning() {
    byte[] body = Replies.valid().withRaw("citations", "[{\"size\":1.5}]").bytes();

    assertThat(READER.read(body).warnings())
        .containsExactly("citations[0].size '1.5' is not a whole number; ignored.");
  }

  @Test
  void readsNumericCitationCreatedAtAsText() {
    byte[] body = Replies.valid().with("citations.0.createdAt", 1738574100000L).bytes();

    assertThat(READER.read(body).citations().get(0).createdAt()).isEqualTo("1738574100000");
  }

  @Test
  void ignoresElementFieldThatIsAnArrayWithWarning() {
    byte[] body = Replies.valid().with("citations.0.filename", Replies.json("[\"a\"]")).bytes();

    WebhookMessage message = READER.read(body);

    assertThat(message.citations().get(0).filename()).isNull();
    assertThat(message.warnings())
        .containsExactly("citations[0].filename is an array, not a string; ignored.");
  }

  @Test
  void capsWarningsAtTwentyAndCountsTheRest() {
    byte[] body = Replies.valid().withRaw("attachments", "[" + "1,".repeat(999) + "1]").bytes();

    WebhookMessage message = READER.read(body);

    assertThat(message.warnings()).hasSize(21);
    assertThat(message.warnings().get(20)).isEqualTo("980 further warnings omitted.");
  }
}
