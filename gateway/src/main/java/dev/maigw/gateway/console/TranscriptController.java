package dev.maigw.gateway.console;

import dev.maigw.gateway.bridge.BridgeActivity;
import dev.maigw.gateway.message.ConversationSummary;
import dev.maigw.gateway.message.MessageStore;
import dev.maigw.gateway.message.StoredMessage;
import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One conversation as a chat (what was sent through the bridge and every reply, in order, a page at
 * a time; the latest page first), and one message with its raw body.
 */
@Controller
class TranscriptController {

  static final int PAGE_SIZE = 100;

  /** Sends shown between two replies at most (a conversation sent to without answers). */
  static final int MAX_SENDS_PER_PAGE = 500;

  private final MessageStore messages;
  private final BridgeActivity bridge;
  private final String webhookPath;

  TranscriptController(
      MessageStore messages,
      BridgeActivity bridge,
      @Value("${maigw.webhook.path:/maiagent/webhook}") String webhookPath) {
    this.messages = messages;
    this.bridge = bridge;
    this.webhookPath = webhookPath;
  }

  @GetMapping("/console/conversation")
  String transcript(
      @RequestParam String id,
      @RequestParam(required = false) String before,
      @RequestParam(required = false) String after,
      Model model) {
    ConversationSummary conversation =
        messages
            .conversation(id)
            .orElseThrow(
                () -> new GatewayException(Problem.NOT_FOUND, "No replies in this conversation."));
    List<StoredMessage> page =
        after != null
            ? messages.conversationMessages(id, ConsoleParams.cursor(after, 0), PAGE_SIZE)
            : messages.conversationMessagesBefore(
                id, ConsoleParams.cursor(before, Long.MAX_VALUE), PAGE_SIZE);
    StoredMessage previous =
        page.isEmpty()
            ? null
            : messages.conversationMessagesBefore(id, page.get(0).seq(), 1).stream()
                .findFirst()
                .orElse(null);
    boolean hasLater = !page.isEmpty() && page.get(page.size() - 1).seq() < conversation.lastSeq();
    Instant sentAfter = previous == null ? null : previous.receivedAt();
    Instant sentUntil = hasLater ? page.get(page.size() - 1).receivedAt() : null;
    model.addAttribute("conversation", conversation);
    model.addAttribute(
        "entries",
        TranscriptEntry.merge(
            bridge.sentInto(id, sentAfter, sentUntil, MAX_SENDS_PER_PAGE),
            page.stream().map(ReplyView::of).toList()));
    model.addAttribute("earlier", previous == null ? null : page.get(0).seq());
    model.addAttribute("later", hasLater ? page.get(page.size() - 1).seq() : null);
    return "console/transcript";
  }

  @GetMapping("/console/message")
  String message(@RequestParam String id, Model model, UriComponentsBuilder uri) {
    StoredMessage message = find(id);
    String base = uri.replacePath("").replaceQuery(null).build().toUriString();
    model.addAttribute("reply", ReplyView.of(message));
    model.addAttribute("bodyText", new String(message.body(), StandardCharsets.UTF_8));
    model.addAttribute("bodySha256", HexFormat.of().formatHex(message.bodySha256()));
    model.addAttribute("curl", CurlCommands.of(base, webhookPath, message.messageId()));
    return "console/message";
  }

  /** The body byte for byte, as a download (never rendered by the browser). */
  @GetMapping("/console/message/raw")
  ResponseEntity<byte[]> raw(@RequestParam String id) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"message.json\"")
        .body(find(id).body());
  }

  private StoredMessage find(String id) {
    return messages
        .find(id)
        .orElseThrow(() -> new GatewayException(Problem.NOT_FOUND, "No message with this id."));
  }
}
