package dev.maigw.emulator.message;

import dev.maigw.emulator.attachment.AttachmentStore;
import dev.maigw.emulator.conversation.Conversation;
import dev.maigw.emulator.conversation.ConversationStore;
import dev.maigw.emulator.fault.FaultSwitch;
import dev.maigw.emulator.system.FieldErrors;
import dev.maigw.emulator.system.HttpProblemException;
import dev.maigw.emulator.system.Request;
import dev.maigw.emulator.system.Response;
import dev.maigw.emulator.system.Router;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST messages/} answers 201 with the receipt (the user's message, type {@code incoming})
 * and schedules the AI reply, which arrives only by webhook. Also {@code GET messages/{id}/} and
 * {@code GET messages/?conversation=} (see {@link MessagePages}).
 */
public final class MessageController {
  private final ConversationStore conversations;
  private final MessageStore messages;
  private final ReplyScheduler replies;
  private final FaultSwitch faults;
  private final AttachmentReferences attachmentReferences;
  private final ReplyComposer composer;

  public MessageController(
      ConversationStore conversations,
      MessageStore messages,
      ReplyScheduler replies,
      FaultSwitch faults,
      AttachmentStore attachments,
      ReplyComposer composer) {
    this.conversations = conversations;
    this.messages = messages;
    this.replies = replies;
    this.faults = faults;
    this.attachmentReferences = new AttachmentReferences(attachments);
    this.composer = composer;
  }

  public void register(Router router, String prefix) {
    router.add("POST", prefix + "messages/", this::send);
    router.add(
        "GET",
        prefix + "messages/",
        request -> MessagePages.list(request, messages, conversations));
    router.add("GET", prefix + "messages/{id}/", this::get);
  }

  Response send(Request request) {
    JsonNode body = request.jsonObject();
    FieldErrors errors = new FieldErrors();
    String conversationId =
        errors.requireText(body, "conversation", "conversation_id", "conversationId");
    String content = errors.requireText(body, "content");
    List<JsonNode> attachments = attachmentReferences.read(body.get("attachments"), errors);
    errors.throwIfAny();
    Conversation conversation = conversations.require(conversationId);
    Message incoming = composer.incoming(conversation, content, attachments);
    messages.save(incoming);
    conversations.recordLastMessage(
        conversation.id(), MessageJson.api(incoming), incoming.createdAt());
    replies.scheduleReplyTo(incoming);
    pause(faults.current().receiptDelay());
    return Response.json(201, MessageJson.api(incoming));
  }

  Response get(Request request) {
    Message message =
        messages.find(request.pathVariable("id")).orElseThrow(HttpProblemException::notFound);
    return Response.json(200, MessageJson.api(message));
  }

  private static void pause(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
