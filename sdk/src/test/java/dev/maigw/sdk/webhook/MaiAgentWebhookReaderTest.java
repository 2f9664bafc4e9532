package dev.maigw.sdk.webhook;

import static dev.maigw.sdk.webhook.Rejections.READER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The public reader end to end, on the real-looking samples and across threads. */
class MaiAgentWebhookReaderTest {

  @Test
  void readsDocReplyWithTwoCitations() {
    WebhookMessage message = READER.read(Samples.bytes("doc-reply-two-citations.json"));

    assertThat(message.id()).isEqualTo("668e6255-055f-4e3e-9803-1ecb5853a931");
    assertThat(message.conversationId()).isEqualTo("28da19c8-58a4-44d8-94e7-5a99294c4583");
    assertThat(message.sender())
        .isEqualTo(new Sender("1042", "客服小幫手", "https://media.example.com/avatars/helper.png"));
    assertThat(message.isAiReply()).isTrue();
    assertThat(message.content()).startsWith("您好！退貨須在收到商品後 7 天內").contains("\n\n1. 登入會員中心");
    assertThat(message.createdAt()).isEqualTo(Instant.parse("2025-05-20T06:41:12.345Z"));
    assertThat(message.createdAtRaw()).isEqualTo("1747723272345");
    assertThat(message.feedback()).isNull();
    assertThat(message.attachments()).isEmpty();
    assertThat(message.citations())
        .extracting(Citation::filename, Citation::size, Citation::document)
        .containsExactly(
            tuple("退換貨政策2025.pdf", 248913L, "f967f11c-3c37-474f-b384-2e55363599f2"),
            tuple("常見問題.jsonl", 174632L, "461b7485-2518-49b6-81af-917a64e0bde4"));
    assertThat(message.warnings()).isEmpty();
  }

  @Test
  void readsSnakeCaseCreatedAtWithNumericSenderSample() {
    WebhookMessage message = READER.read(Samples.bytes("created-at-snake-numeric-sender.json"));

    assertThat(message.id()).isEqualTo("45b27355-3966-4862-8b99-1d81cee3236d");
    assertThat(message.sender().id()).isEqualTo("789");
    assertThat(message.sender().name()).isEqualTo("測試用戶");
    assertThat(message.createdAt()).isEqualTo(Instant.parse("2025-05-20T06:42:47.345Z"));
    assertThat(message.createdAtRaw()).isEqualTo("1747723367345");
    assertThat(message.citations()).isEmpty();
    assertThat(message.warnings()).isEmpty();
  }

  @Test
  void readsCamelCaseCreatedAtWithStringSenderAndAttachmentSample() {
    WebhookMessage message =
        READER.read(Samples.bytes("created-at-camel-string-sender-attachment.json"));

    assertThat(message.sender().id()).isEqualTo("be6a886a-6526-421f-a3c2-b91391758fc5");
    assertThat(message.createdAt()).isEqualTo(Instant.parse("2025-05-20T08:04:32.345Z"));
    assertThat(message.attachments())
        .containsExactly(
            new Attachment(
                "16b19b78-a66f-4eee-9571-4d9cef1f7b38",
                "other",
                "帳單明細_2025-05.pdf",
                "https://media.example.com/chat/attachment/16b19b78.pdf"));
    assertThat(message.warnings()).isEmpty();
  }

  @Test
  void readsOasShapeCitationSample() {
    WebhookMessage message = READER.read(Samples.bytes("citation-oas-shape.json"));

    assertThat(message.citations())
        .containsExactly(
            new Citation(
                "6b7d0136-3028-4865-a162-7e4abb0eacc4",
                "保固條款.docx",
                "https://media.example.com/chatbot-file/6b7d0136.docx",
                "docx",
                53210L,
                "done",
                null,
                "ecd4d235-0b5e-4e96-9051-2fe24dd68a14",
                "1743472830000"));
    assertThat(message.warnings()).isEmpty();
  }

  @Test
  void readsSeedCurlExample() {
    WebhookMessage message = READER.read(Samples.bytes("seed-curl-example.json"));

    assertThat(message.id()).isEqualTo("msg123");
    assertThat(message.conversationId()).isEqualTo("conv456");
    assertThat(message.sender())
        .isEqualTo(new Sender("789", "測試用戶", "<https://example.com/avatar.jpg>"));
    assertThat(message.type()).isEqualTo("outgoing");
    assertThat(message.createdAt()).isEqualTo(Instant.parse("2024-10-06T12:57:22Z"));
    assertThat(message.citations())
        .containsExactly(
            new Citation(
                "<file-id>",
                "<filename>",
                "<file-url>",
                "jsonl",
                174632L,
                "done",
                "<document-id>",
                null,
                "1728104372000"));
    assertThat(message.warnings()).isEmpty();
  }

  @Test
  void readsTheSameBodyToEqualMessages() {
    byte[] body = Samples.bytes("doc-reply-two-citations.json");

    assertThat(READER.read(body)).isEqualTo(READER.read(body));
  }

  @Test
  void leavesTheBodyBytesUntouched() {
    byte[] body = Samples.bytes("doc-reply-two-citations.json");
    byte[] copy = body.clone();

    READER.read(body);

    assertThat(body).isEqualTo(copy);
  }

  @Test
  void readsConcurrentlyFromOneSharedInstance() throws Exception {
    List<byte[]> bodies =
        List.of(
            Samples.bytes("doc-reply-two-citations.json"),
            Samples.bytes("created-at-snake-numeric-sender.json"),
            Samples.bytes("citation-oas-shape.json"),
            Replies.valid().withDuplicate("id", "\"x\"").bytes());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(pool.submit(() -> readRepeatedly(bodies, 200)));
      }
      for (Future<List<String>> result : results) {
        assertThat(result.get())
            .containsExactly(
                "668e6255-055f-4e3e-9803-1ecb5853a931",
                "45b27355-3966-4862-8b99-1d81cee3236d",
                "0d4f2c55-7b1e-4f8a-9c36-5e2a8b1d7f40",
                "duplicate_key");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void appliesCustomNestingLimit() {
    MaiAgentWebhookReader reader = new MaiAgentWebhookReader(new ReaderLimits(3, 100, 1024, 256));

    assertThat(reader.read(Replies.valid().withRaw("feedback", "[[1]]").bytes()).id()).isNotNull();
    assertThat(problemOf(reader, Replies.valid().withRaw("feedback", "[[[1]]]").bytes()))
        .isEqualTo("limit_exceeded: Body nests deeper than 3 levels.");
  }

  @Test
  void appliesCustomNumberLengthLimit() {
    MaiAgentWebhookReader reader = new MaiAgentWebhookReader(new ReaderLimits(64, 6, 1024, 256));

    assertThat(problemOf(reader, Replies.valid().withRaw("feedback", "1234567").bytes()))
        .isEqualTo("limit_exceeded: Body holds a number longer than 6 characters.");
  }

  @Test
  void appliesCustomNameLengthLimit() {
    MaiAgentWebhookReader reader = new MaiAgentWebhookReader(new ReaderLimits(64, 100, 12, 256));

    assertThat(problemOf(reader, Replies.valid().withRaw("thirteen_char", "1").bytes()))
        .isEqualTo("limit_exceeded: Body holds a property name longer than 12 characters.");
  }

  @Test
  void appliesCustomIdLengthLimit() {
    MaiAgentWebhookReader reader = new MaiAgentWebhookReader(new ReaderLimits(64, 100, 1024, 4));

    assertThat(problemOf(reader, Replies.valid().with("id", "abcde").bytes()))
        .isEqualTo("invalid_id: Field 'id' is longer than 4 characters.");
  }

  @Test
  void rejectsNullBody() {
    assertThatThrownBy(() -> READER.read(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void rejectsNullLimits() {
    assertThatThrownBy(() -> new MaiAgentWebhookReader(null))
        .isInstanceOf(NullPointerException.class);
  }

  private static List<String> readRepeatedly(List<byte[]> bodies, int rounds) {
    List<String> last = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      last.clear();
      for (byte[] body : bodies) {
        try {
          last.add(READER.read(body).id());
        } catch (WebhookFormatException e) {
          last.add(e.problem().code());
        }
      }
    }
    return last;
  }

  private static String problemOf(MaiAgentWebhookReader reader, byte[] body) {
    Throwable thrown = catchThrowable(() -> reader.read(body));
    assertThat(thrown).isInstanceOf(WebhookFormatException.class);
    return thrown.getMessage();
  }
}
