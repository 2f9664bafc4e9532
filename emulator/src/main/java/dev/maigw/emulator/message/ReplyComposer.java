package dev.maigw.emulator.message;

import dev.maigw.emulator.conversation.Conversation;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Writes the AI assistant's replies. A reply quotes the user's text verbatim ("您的訊息「…」已收到。") so
 * tests can match a webhook to the message that caused it, and cites two knowledge-base files.
 */
public final class ReplyComposer {
  /** The assistant's numeric sender id, as MaiAgent documents {@code sender.id}. */
  public static final long ASSISTANT_ID = 1042;

  /** The numeric sender id of visitor (API-sent) messages. */
  public static final long VISITOR_ID = 501;

  private final Clock clock;
  private final String origin;

  /**
   * @param origin the emulator's own {@code http://127.0.0.1:port}, for avatar and file URLs
   */
  public ReplyComposer(Clock clock, String origin) {
    this.clock = clock;
    this.origin = origin;
  }

  /** The reply text for a user's message. */
  public static String replyText(String userText) {
    return "您的訊息「" + userText + "」已收到。這是 AI 助理的回覆。";
  }

  /** The outgoing reply to {@code incoming}, with a fresh id and the current time. */
  public Message replyTo(Message incoming) {
    return outgoing(incoming.conversation(), replyText(incoming.content()), citations());
  }

  /** An outgoing message with arbitrary content and no citations (pushed by tests). */
  public Message outgoing(String conversation, String content, List<Citation> citations) {
    return new Message(
        UUID.randomUUID().toString(),
        conversation,
        assistant(),
        Message.OUTGOING,
        content,
        clock.instant(),
        List.of(),
        citations);
  }

  /** A visitor's (user's) message, as sent through the API, with a fresh id. */
  public Message incoming(Conversation conversation, String content, List<JsonNode> attachments) {
    return new Message(
        UUID.randomUUID().toString(),
        conversation.id(),
        new Sender(VISITOR_ID, conversation.contactName(), ""),
        Message.INCOMING,
        content,
        clock.instant(),
        attachments,
        List.of());
  }

  public Sender assistant() {
    return new Sender(ASSISTANT_ID, "MaiAgent 助理", origin + "/static/avatars/assistant.png");
  }

  /** The two knowledge-base files every composed reply cites. */
  public List<Citation> citations() {
    return List.of(
        new Citation(
            "f764b040-37b2-44e7-9889-19ed01a0c11e",
            "退換貨政策2025.pdf",
            origin + "/storage/maiagent-media/media/chatbot-file/f764b040.pdf",
            "pdf",
            248_913,
            "f967f11c-3c37-474f-b384-2e55363599f2",
            "ecd4d235-0b5e-4e96-9051-2fe24dd68a14",
            Instant.ofEpochMilli(1_738_574_100_000L),
            "退貨須在收到商品後 7 天內提出申請，並保持商品完整包裝。"),
        new Citation(
            "fca6bbb7-4ca7-4426-99a3-d50ba9833bbc",
            "常見問題.jsonl",
            origin + "/storage/maiagent-media/media/chatbot-file/fca6bbb7.jsonl",
            "jsonl",
            174_632,
            "461b7485-2518-49b6-81af-917a64e0bde4",
            "5a1c9e3b-7d2f-4b6a-8c0e-9f1d3b5a7c26",
            Instant.ofEpochMilli(1_743_472_830_000L),
            "門市營業時間為週一至週五 09:00–18:00。"));
  }
}
