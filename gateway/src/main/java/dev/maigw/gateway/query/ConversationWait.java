package dev.maigw.gateway.query;

import dev.maigw.gateway.message.MessageTail;
import dev.maigw.gateway.message.StoredMessage;
import dev.maigw.gateway.system.Page;
import java.util.List;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * One long poll waiting for a conversation's next replies: woken by the {@link MessageTail} with
 * each new page, it answers with the conversation's messages in it and holds no thread meanwhile.
 */
final class ConversationWait implements MessageTail.Subscriber {

  private final String conversation;
  private final long after;
  private final String afterText;
  private final int limit;
  private final DeferredResult<Page<MessageView>> result;

  ConversationWait(
      String conversation,
      long after,
      String afterText,
      int limit,
      DeferredResult<Page<MessageView>> result) {
    this.conversation = conversation;
    this.after = after;
    this.afterText = afterText;
    this.limit = limit;
    this.result = result;
  }

  /** On the tail's thread: answers once the page holds a reply of the conversation. */
  @Override
  public void onMessages(List<StoredMessage> page) {
    if (result.isSetOrExpired()) {
      return;
    }
    List<StoredMessage> replies =
        page.stream()
            .filter(m -> m.seq() > after && conversation.equals(m.conversationId()))
            .limit(limit)
            .toList();
    if (!replies.isEmpty()) {
      result.setResult(page(replies, afterText));
    }
  }

  /** Answers the empty page at once, so a shutdown does not wait for the poll's time to pass. */
  @Override
  public void onStop() {
    result.setResult(page(List.of(), afterText));
  }

  /** The answer for {@code replies}; {@code after} (as asked) stays the cursor when none. */
  static Page<MessageView> page(List<StoredMessage> replies, String after) {
    String next = replies.isEmpty() ? after : Long.toString(replies.get(replies.size() - 1).seq());
    return new Page<>(replies.stream().map(MessageView::of).toList(), next);
  }
}
