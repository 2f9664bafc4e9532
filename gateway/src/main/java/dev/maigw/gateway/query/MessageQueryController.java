package dev.maigw.gateway.query;

import dev.maigw.gateway.message.ConversationSummary;
import dev.maigw.gateway.message.MessageStore;
import dev.maigw.gateway.message.MessageTail;
import dev.maigw.gateway.message.StoredMessage;
import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Page;
import dev.maigw.gateway.system.PageRequest;
import dev.maigw.gateway.system.Problem;
import java.time.Duration;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/** Stored replies and conversations. */
@RestController
class MessageQueryController {

  /** Longest long-poll a caller may ask for. */
  static final int MAX_WAIT_SECONDS = 300;

  private final MessageStore messages;
  private final MessageTail tail;

  MessageQueryController(MessageStore messages, MessageTail tail) {
    this.messages = messages;
    this.tail = tail;
  }

  @GetMapping("/api/messages/{id}")
  MessageView message(@PathVariable String id) {
    return MessageView.of(find(id));
  }

  /**
   * {@code GET /api/messages?id=}: the same as {@code /api/messages/{id}}, for every id a webhook
   * can carry: ids with {@code /}, {@code \} or {@code %} cannot travel in a path segment (the
   * server refuses encoded slashes and backslashes there), but any id can in a query parameter.
   */
  @GetMapping(value = "/api/messages", params = "id")
  MessageView messageById(@RequestParam String id) {
    return MessageView.of(find(id));
  }

  /** {@code GET /api/messages?id=&raw=true}: the body as received, for any id. */
  @GetMapping(
      value = "/api/messages",
      params = {"id", "raw=true"})
  ResponseEntity<byte[]> rawBodyById(@RequestParam String id) {
    return rawBody(id);
  }

  /** The body byte for byte as received. */
  @GetMapping("/api/messages/{id}/raw")
  ResponseEntity<byte[]> rawBody(@PathVariable String id) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(find(id).body());
  }

  /** Conversations, latest activity first, with their reply counts. */
  @GetMapping("/api/conversations")
  Page<ConversationView> conversations(
      @RequestParam(required = false) String before,
      @RequestParam(required = false) Integer limit) {
    int size = PageRequest.limit(limit);
    List<ConversationSummary> page =
        messages.conversations(PageRequest.cursor(before, Long.MAX_VALUE), size);
    String next = page.size() < size ? null : Long.toString(page.get(page.size() - 1).lastSeq());
    return new Page<>(page.stream().map(ConversationView::of).toList(), next);
  }

  /**
   * Replies of one conversation in commit order; {@code after} is the previous page's cursor. With
   * {@code wait} (seconds, at most 300) an empty page is held until a new reply is stored or the
   * time is up: a long poll, which holds no thread while it waits (the instance's one message tail
   * wakes it, for replies stored by other instances too).
   */
  @GetMapping("/api/conversations/{id}/messages")
  DeferredResult<Page<MessageView>> conversationMessages(
      @PathVariable String id,
      @RequestParam(required = false) String after,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Integer wait) {
    return messagesOf(id, after, limit, wait);
  }

  /**
   * {@code GET /api/messages?conversation=}: the same as {@code /api/conversations/{id}/messages},
   * for every conversation id, {@code /}, {@code \} and {@code %} included.
   */
  @GetMapping(value = "/api/messages", params = "conversation")
  DeferredResult<Page<MessageView>> conversationMessagesByQuery(
      @RequestParam String conversation,
      @RequestParam(required = false) String after,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) Integer wait) {
    return messagesOf(conversation, after, limit, wait);
  }

  private DeferredResult<Page<MessageView>> messagesOf(
      String id, String after, Integer limit, Integer wait) {
    int size = PageRequest.limit(limit);
    long cursor = PageRequest.cursor(after, 0);
    long waitMillis = waitMillis(wait);
    if (waitMillis == 0) {
      return answered(
          ConversationWait.page(messages.conversationMessages(id, cursor, size), after));
    }
    DeferredResult<Page<MessageView>> result =
        new DeferredResult<>(waitMillis, () -> ConversationWait.page(List.of(), after));
    // Subscribed before reading, so a reply stored meanwhile is in the read or reaches the wait.
    MessageTail.Subscription subscription =
        tail.subscribe(new ConversationWait(id, cursor, after, size, result));
    result.onCompletion(subscription::close);
    try {
      List<StoredMessage> page = messages.conversationMessages(id, cursor, size);
      if (!page.isEmpty()) {
        result.setResult(ConversationWait.page(page, after));
      }
    } catch (RuntimeException e) {
      subscription.close();
      throw e;
    }
    return result;
  }

  private static DeferredResult<Page<MessageView>> answered(Page<MessageView> page) {
    DeferredResult<Page<MessageView>> result = new DeferredResult<>();
    result.setResult(page);
    return result;
  }

  private static long waitMillis(Integer seconds) {
    if (seconds == null) {
      return 0;
    }
    if (seconds < 0 || seconds > MAX_WAIT_SECONDS) {
      throw new GatewayException(
          Problem.BAD_REQUEST, "wait must be between 0 and " + MAX_WAIT_SECONDS + " seconds.");
    }
    return Duration.ofSeconds(seconds).toMillis();
  }

  private StoredMessage find(String id) {
    return messages
        .find(id)
        .orElseThrow(() -> new GatewayException(Problem.NOT_FOUND, "No message with this id."));
  }
}
