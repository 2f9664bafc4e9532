package dev.maigw.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A pre-encoded {@code POST} of a realistic MaiAgent AI reply (about 1.5 KB: Chinese content, one
 * citation, a millisecond {@code createdAt} string and a numeric {@code sender.id}). Every field
 * that varies has a fixed width, so a request is made by overwriting a few bytes of a per-thread
 * copy: the message id, the conversation id (one of {@value #CONVERSATION_POOL_SIZE}) and {@code
 * createdAt}. Nothing is allocated or encoded per request.
 */
final class WebhookRequestTemplate {

  static final int CONVERSATION_POOL_SIZE = 200;

  private static final String ID_MARK = "#".repeat(RequestIds.NUMBER_DIGITS);
  private static final String CONVERSATION_MARK = "$".repeat(36);
  private static final String CREATED_AT_MARK = "@".repeat(13);

  static final String BODY =
      """
      {"id":"%s","conversation":"%s",\
      "sender":{"id":1042,"name":"客服小幫手","avatar":"https://media.example.com/avatars/helper.png"},\
      "type":"outgoing",\
      "content":"您好！感謝您的來信。關於您詢問的退貨流程，說明如下：退貨須在收到商品後 7 天內提出申請，\
      並保持商品與配件完整、包裝未經使用。\\n\\n1. 登入會員中心 → 訂單查詢\\n2. 點選「申請退貨」並填寫原因\\n\
      3. 物流人員將於 2 個工作天內到府收件\\n4. 倉庫驗收完成後會以簡訊通知您\\n\\n\
      退款會在收到退貨後 5 個工作天內退回原付款方式；若以信用卡付款，實際入帳時間依發卡銀行作業為準。\
      如商品有瑕疵或寄錯品項，運費由我們負擔，您不需另外支付任何費用。\
      另外提醒您，特價商品、客製化商品及已拆封的個人衛生用品恕不接受退貨；若您在退貨過程中遇到任何問題，\
      也可以撥打客服專線 0800-123-456（週一至週五 09:00–18:00）。\
      若有其他問題，歡迎回覆「轉真人客服」，將由專人為您服務。",\
      "feedback":null,"createdAt":"%s","attachments":[],\
      "citations":[{"id":"f764b040-37b2-44e7-9889-19ed01a0c11e","filename":"退換貨政策2025.pdf",\
      "file":"https://media.example.com/chatbot-file/f764b040.pdf","fileType":"pdf","size":248913,\
      "status":"done","document":"f967f11c-3c37-474f-b384-2e55363599f2","createdAt":"1738574100000"}]}""";

  private final byte[] template;
  private final int bodyOffset;
  private final int idOffset;
  private final int conversationOffset;
  private final int createdAtOffset;
  private final byte[][] conversations;

  WebhookRequestTemplate(LoopbackTarget target, RequestIds ids) {
    byte[] body =
        String.format(BODY, ids.prefix() + ID_MARK, CONVERSATION_MARK, CREATED_AT_MARK)
            .getBytes(StandardCharsets.UTF_8);
    byte[] head =
        ("POST "
                + target.path()
                + " HTTP/1.1\r\nHost: "
                + target.hostHeader()
                + "\r\nUser-Agent: maiagent-benchmark\r\nContent-Type: application/json\r\n"
                + "Content-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    template = new byte[head.length + body.length];
    System.arraycopy(head, 0, template, 0, head.length);
    System.arraycopy(body, 0, template, head.length, body.length);
    bodyOffset = head.length;
    idOffset = offsetOf(ID_MARK);
    conversationOffset = offsetOf(CONVERSATION_MARK);
    createdAtOffset = offsetOf(CREATED_AT_MARK);
    conversations = new byte[CONVERSATION_POOL_SIZE][];
    for (int i = 0; i < CONVERSATION_POOL_SIZE; i++) {
      conversations[i] =
          UUID.nameUUIDFromBytes(
                  ("maiagent-benchmark-conversation-" + i).getBytes(StandardCharsets.UTF_8))
              .toString()
              .getBytes(StandardCharsets.US_ASCII);
    }
  }

  /** A fresh copy of the request for one thread to {@link #fill}. */
  byte[] newRequest() {
    return template.clone();
  }

  /** Where the body starts in a request, i.e. the length of the request head. */
  int bodyOffset() {
    return bodyOffset;
  }

  /**
   * Writes the message id for {@code number}, a conversation id chosen from the pool by {@code
   * number}, and {@code createdAtMillis} into {@code request}.
   */
  void fill(byte[] request, long number, long createdAtMillis) {
    writeDigits(request, idOffset, RequestIds.NUMBER_DIGITS, number);
    byte[] conversation = conversations[conversationIndex(number)];
    System.arraycopy(conversation, 0, request, conversationOffset, conversation.length);
    writeDigits(request, createdAtOffset, CREATED_AT_MARK.length(), createdAtMillis);
  }

  static int conversationIndex(long number) {
    // Spread consecutive numbers over the pool rather than cycling through it in order.
    long mixed = (number * 0x9E3779B97F4A7C15L) >>> 32;
    return (int) ((mixed * CONVERSATION_POOL_SIZE) >>> 32);
  }

  private static void writeDigits(byte[] target, int offset, int width, long value) {
    long rest = value;
    for (int i = offset + width - 1; i >= offset; i--) {
      target[i] = (byte) ('0' + rest % 10);
      rest /= 10;
    }
  }

  private int offsetOf(String mark) {
    byte[] needle = mark.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = bodyOffset; i <= template.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (template[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalStateException("mark missing from template: " + mark);
  }
}
