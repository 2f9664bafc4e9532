package dev.maigw.gateway.bridge;

import dev.maigw.gateway.message.MessageStore;
import dev.maigw.gateway.query.MessageView;
import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;
import dev.maigw.sdk.client.Conversation;
import dev.maigw.sdk.client.MaiAgentApiException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Send-and-await: {@code POST /api/conversations}, {@code POST
 * /api/conversations/{id}/messages?wait=}, {@code GET /api/sends/{id}?wait=}. A send answers 200
 * with its reply as soon as the reply is stored, 202 with {@code Location} when the wait ends
 * first, and MaiAgent's own status when MaiAgent refuses the message.
 */
@RestController
class BridgeController {

  private final MaiAgentAccess maiagent;
  private final BridgeSends sends;
  private final SendStore store;
  private final MessageStore messages;
  private final BridgeProperties properties;
  private final JsonMapper json;

  BridgeController(
      MaiAgentAccess maiagent,
      BridgeSends sends,
      SendStore store,
      MessageStore messages,
      BridgeProperties properties,
      JsonMapper json) {
    this.maiagent = maiagent;
    this.sends = sends;
    this.store = store;
    this.messages = messages;
    this.properties = properties;
    this.json = json;
  }

  /** Body of {@code POST /api/conversations}; {@code webChat} defaults to MAIAGENT_WEB_CHAT_ID. */
  record CreateConversation(String webChat) {}

  /** The conversation MaiAgent created, and MaiAgent's full answer. */
  record ConversationCreated(String id, String webChat, JsonNode maiagent) {}

  @PostMapping("/api/conversations")
  ResponseEntity<ConversationCreated> createConversation(
      @RequestBody(required = false) CreateConversation body) {
    String webChat =
        body != null && body.webChat() != null ? body.webChat() : properties.webChatId();
    if (webChat == null || webChat.isBlank()) {
      throw new GatewayException(
          Problem.INVALID_REQUEST, "Give \"webChat\" or set MAIAGENT_WEB_CHAT_ID.");
    }
    Conversation created;
    try {
      created = maiagent.client().createConversation(webChat);
    } catch (MaiAgentApiException e) {
      throw MaiAgentCallException.of(e);
    }
    store.recordConversation(created.id(), webChat);
    return ResponseEntity.created(URI.create("/api/conversations/" + created.id() + "/messages"))
        .body(new ConversationCreated(created.id(), webChat, created.raw()));
  }

  @PostMapping("/api/conversations/{id}/messages")
  ResponseEntity<SendView> send(
      @PathVariable String id,
      @RequestBody JsonNode body,
      @RequestParam(required = false) Integer wait) {
    maiagent.client(); // refuse before recording anything when the bridge is not configured
    SendRequest request = SendRequest.parse(body, json);
    Duration waitFor = waitDuration(wait);
    Send send = sends.submit(id, request.content(), request.attachmentsJson());
    return answer(sends.await(send.sendId(), waitFor));
  }

  @GetMapping("/api/sends/{id}")
  ResponseEntity<SendView> send(
      @PathVariable String id, @RequestParam(required = false) Integer wait) {
    Duration waitFor = wait == null ? Duration.ZERO : waitDuration(wait);
    return answer(sends.await(id, waitFor));
  }

  private ResponseEntity<SendView> answer(BridgeSends.Waited waited) {
    Send send = waited.send();
    if (Send.FAILED.equals(send.status())) {
      int status = send.errorStatus() == null ? 0 : send.errorStatus();
      throw new MaiAgentCallException(status, send.errorDetail(), send.errorBody());
    }
    List<MessageView> replies =
        messages.findBySeqs(store.replySeqs(send.sendId())).stream().map(MessageView::of).toList();
    SendView view = SendView.of(send, replies);
    if (Send.REPLIED.equals(send.status())) {
      sends.recordHandoff(waited);
      return ResponseEntity.ok(view);
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create("/api/sends/" + send.sendId()))
        .body(view);
  }

  private Duration waitDuration(Integer seconds) {
    if (seconds == null) {
      return properties.defaultWait();
    }
    Duration requested = Duration.ofSeconds(seconds);
    if (seconds < 0 || requested.compareTo(properties.maxWait()) > 0) {
      throw new GatewayException(
          Problem.BAD_REQUEST,
          "wait must be between 0 and " + properties.maxWait().toSeconds() + " seconds.");
    }
    return requested;
  }
}
