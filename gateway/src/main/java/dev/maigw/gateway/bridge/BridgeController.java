package dev.maigw.gateway.bridge;

import dev.maigw.gateway.bridge.SendWaiters.Waited;
import dev.maigw.gateway.message.MessageStore;
import dev.maigw.gateway.query.MessageView;
import dev.maigw.gateway.storage.GroupCommitWriter;
import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;
import dev.maigw.sdk.client.Conversation;
import dev.maigw.sdk.client.MaiAgentApiException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Send-and-await: {@code POST /api/conversations}, {@code POST
 * /api/conversations/{id}/messages?wait=}, {@code GET /api/sends/{id}?wait=}. A send answers 200
 * with its reply as soon as the reply is stored, 202 with {@code Location} when the wait ends
 * first, and MaiAgent's own status when MaiAgent refuses the message (or answered an error that
 * leaves open whether it took it, and no reply came within the wait). Waits hold no thread.
 */
@RestController
class BridgeController {

  static final int MAX_IDEMPOTENCY_KEY_CHARS = 255;
  private static final Duration ASYNC_TIMEOUT_MARGIN = Duration.ofSeconds(30);

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

  /**
   * Queues a send and waits for its reply without holding a server thread. With {@code
   * Idempotency-Key}, a retry finds (and waits on) the send the first attempt created.
   */
  @PostMapping("/api/conversations/{id}/messages")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      required = true,
      content =
          @io.swagger.v3.oas.annotations.media.Content(
              schema =
                  @io.swagger.v3.oas.annotations.media.Schema(implementation = SendBody.class)))
  DeferredResult<ResponseEntity<SendView>> send(
      @PathVariable String id,
      @RequestBody JsonNode body,
      @RequestParam(required = false) Integer wait,
      @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
    maiagent.client(); // refuse before recording anything when the bridge is not configured
    SendRequest request = SendRequest.parse(body, json);
    Duration waitFor = waitDuration(wait);
    String key = checkedKey(idempotencyKey);
    return deferred(
        waitFor,
        sends.submit(id, request, key).thenCompose(send -> sends.await(send.sendId(), waitFor)));
  }

  @GetMapping("/api/sends/{id}")
  DeferredResult<ResponseEntity<SendView>> send(
      @PathVariable String id, @RequestParam(required = false) Integer wait) {
    Duration waitFor = wait == null ? Duration.ZERO : waitDuration(wait);
    return deferred(waitFor, sends.await(id, waitFor));
  }

  /**
   * The answer once the wait ends. The container's own async timeout is only a safety net well past
   * the wait's deadline, which always ends the wait first.
   */
  private DeferredResult<ResponseEntity<SendView>> deferred(
      Duration wait, CompletableFuture<Waited> waited) {
    DeferredResult<ResponseEntity<SendView>> result =
        new DeferredResult<>(wait.plus(ASYNC_TIMEOUT_MARGIN).toMillis());
    waited
        .thenApply(this::answer)
        .whenComplete(
            (answer, failure) -> {
              if (failure != null) {
                result.setErrorResult(GroupCommitWriter.unwrap(failure));
              } else {
                result.setResult(answer);
              }
            });
    return result;
  }

  private ResponseEntity<SendView> answer(Waited waited) {
    Send send = waited.send();
    if (Send.FAILED.equals(send.status())) {
      int status = send.errorStatus() == null ? 0 : send.errorStatus();
      throw new MaiAgentCallException(status, send.errorDetail(), send.errorBody());
    }
    if (send.isUnknownAfterError()) {
      // MaiAgent answered with an error and no reply came within the wait: report MaiAgent's
      // error, and that the send may still be answered (it holds its conversation meanwhile).
      throw new MaiAgentCallException(
          send.errorStatus(), send.errorDetail(), send.errorBody(), send.sendId());
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

  private static String checkedKey(String key) {
    if (key == null) {
      return null;
    }
    if (key.isBlank() || key.length() > MAX_IDEMPOTENCY_KEY_CHARS) {
      throw new GatewayException(
          Problem.INVALID_REQUEST,
          "Idempotency-Key must be 1 to " + MAX_IDEMPOTENCY_KEY_CHARS + " characters.");
    }
    return key;
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
