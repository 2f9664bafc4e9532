package dev.maigw.emulator.completion;

import dev.maigw.emulator.conversation.Conversation;
import dev.maigw.emulator.conversation.ConversationStore;
import dev.maigw.emulator.fault.FaultSwitch;
import dev.maigw.emulator.inbox.InboxDirectory;
import dev.maigw.emulator.message.AttachmentReferences;
import dev.maigw.emulator.message.Message;
import dev.maigw.emulator.message.MessageJson;
import dev.maigw.emulator.message.MessageStore;
import dev.maigw.emulator.message.ReplyComposer;
import dev.maigw.emulator.system.FieldErrors;
import dev.maigw.emulator.system.HttpProblemException;
import dev.maigw.emulator.system.Json;
import dev.maigw.emulator.system.Request;
import dev.maigw.emulator.system.Response;
import dev.maigw.emulator.system.Router;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Answers completions. A missing, null or empty {@code conversation} starts a new conversation (in
 * the default inbox); an unknown one is 404. Any chatbot id is accepted.
 */
public final class CompletionController {
  private final ConversationStore conversations;
  private final InboxDirectory inboxes;
  private final MessageStore messages;
  private final ReplyComposer composer;
  private final AttachmentReferences attachmentReferences;
  private final FaultSwitch faults;

  public CompletionController(
      ConversationStore conversations,
      InboxDirectory inboxes,
      MessageStore messages,
      ReplyComposer composer,
      AttachmentReferences attachmentReferences,
      FaultSwitch faults) {
    this.conversations = conversations;
    this.inboxes = inboxes;
    this.messages = messages;
    this.composer = composer;
    this.attachmentReferences = attachmentReferences;
    this.faults = faults;
  }

  public void register(Router router, String prefix) {
    router.add("POST", prefix + "chatbots/{chatbotId}/completions/", this::complete);
  }

  Response complete(Request request) {
    JsonNode body = request.jsonObject();
    JsonNode messageNode = body.get("message");
    FieldErrors messageErrors = new FieldErrors();
    String content = null;
    List<JsonNode> attachments = List.of();
    if (messageNode == null || messageNode.isNull()) {
      throw new FieldErrors().add("message", FieldErrors.REQUIRED).toException();
    } else if (!messageNode.isObject()) {
      messageErrors.add(
          "non_field_errors",
          "Invalid data. Expected a dictionary, but got "
              + messageNode.getNodeType().name().toLowerCase(Locale.ROOT)
              + ".");
    } else {
      content = messageErrors.requireText(messageNode, "content");
      attachments = attachmentReferences.read(messageNode.get("attachments"), messageErrors);
    }
    if (!messageErrors.isEmpty()) {
      throw new HttpProblemException(
          400, Json.object().set("message", messageErrors.toException().body()));
    }
    Conversation conversation =
        conversation(Json.text(body, "conversation", "conversationId", "conversation_id"));
    Message incoming = composer.incoming(conversation, content, attachments);
    Message reply =
        composer.outgoing(
            conversation.id(), ReplyComposer.replyText(content), composer.citations());
    messages.save(incoming);
    messages.save(reply);
    conversations.recordLastMessage(conversation.id(), MessageJson.api(reply), reply.createdAt());
    if (Json.flag(body, "isStreaming", "is_streaming")) {
      return CompletionStream.of(conversation.id(), reply.content(), faults.current());
    }
    return Response.json(
        200,
        Json.object()
            .put("conversationId", conversation.id())
            .put("content", reply.content())
            .put("done", true));
  }

  private Conversation conversation(String id) {
    if (id == null || id.isBlank()) {
      return conversations.create(inboxes.defaultInbox());
    }
    return conversations.require(id);
  }
}
