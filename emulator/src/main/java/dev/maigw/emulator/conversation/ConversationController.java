package dev.maigw.emulator.conversation;

import dev.maigw.emulator.inbox.InboxDirectory;
import dev.maigw.emulator.system.FieldErrors;
import dev.maigw.emulator.system.Request;
import dev.maigw.emulator.system.Response;
import dev.maigw.emulator.system.Router;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST conversations/ {"webChat": ...}} (201) and {@code GET conversations/{id}/}. Any
 * non-blank Web Chat ID is accepted: a seeded inbox's channel id files the conversation there, any
 * other value files it in the default inbox.
 */
public final class ConversationController {
  private final ConversationStore store;
  private final InboxDirectory inboxes;

  public ConversationController(ConversationStore store, InboxDirectory inboxes) {
    this.store = store;
    this.inboxes = inboxes;
  }

  public void register(Router router, String prefix) {
    router.add("POST", prefix + "conversations/", this::create);
    router.add("GET", prefix + "conversations/{id}/", this::get);
  }

  Response create(Request request) {
    JsonNode body = request.jsonObject();
    FieldErrors errors = new FieldErrors();
    String webChat = errors.requireText(body, "webChat", "web_chat");
    errors.throwIfAny();
    Conversation conversation =
        store.create(inboxes.byWebChat(webChat).orElseGet(inboxes::defaultInbox));
    return Response.json(201, conversation.toJson());
  }

  Response get(Request request) {
    return Response.json(200, store.require(request.pathVariable("id")).toJson());
  }
}
