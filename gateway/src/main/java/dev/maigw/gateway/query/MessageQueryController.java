package dev.maigw.gateway.query;

import dev.maigw.gateway.message.ConversationSummary;
import dev.maigw.gateway.message.MessageStore;
import dev.maigw.gateway.message.StoredMessage;
import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Stored replies and conversations. */
@RestController
class MessageQueryController {

  private final MessageStore messages;

  MessageQueryController(MessageStore messages) {
    this.messages = messages;
  }

  @GetMapping("/api/messages/{id}")
  MessageView message(@PathVariable String id) {
    return MessageView.of(find(id));
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

  /** Replies of one conversation in commit order; {@code after} is the previous page's cursor. */
  @GetMapping("/api/conversations/{id}/messages")
  Page<MessageView> conversationMessages(
      @PathVariable String id,
      @RequestParam(required = false) String after,
      @RequestParam(required = false) Integer limit) {
    int size = PageRequest.limit(limit);
    List<StoredMessage> page =
        messages.conversationMessages(id, PageRequest.cursor(after, 0), size);
    String next = page.isEmpty() ? after : Long.toString(page.get(page.size() - 1).seq());
    return new Page<>(page.stream().map(MessageView::of).toList(), next);
  }

  private StoredMessage find(String id) {
    return messages
        .find(id)
        .orElseThrow(() -> new GatewayException(Problem.NOT_FOUND, "No message with this id."));
  }
}
