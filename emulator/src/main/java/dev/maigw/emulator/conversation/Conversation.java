package dev.maigw.emulator.conversation;

import dev.maigw.emulator.inbox.Inbox;
import dev.maigw.emulator.system.Json;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A conversation as MaiAgent returns it (docs/maiagent-api.md §3.1).
 *
 * @param contactId the visitor contact created with the conversation
 * @param lastMessage the last message's JSON, or null before the first message
 */
public record Conversation(
    String id,
    Inbox inbox,
    String contactId,
    String contactName,
    String title,
    Instant createdAt,
    JsonNode lastMessage,
    Instant lastMessageCreatedAt) {

  public Conversation withLastMessage(JsonNode message, Instant at) {
    return new Conversation(id, inbox, contactId, contactName, title, createdAt, message, at);
  }

  public ObjectNode toJson() {
    ObjectNode node = Json.object().put("id", id);
    node.putObject("contact")
        .put("id", contactId)
        .put("name", contactName)
        .put("avatar", "")
        .put("createdAt", millis(createdAt));
    node.set("inbox", inbox.summaryJson());
    node.put("title", title);
    if (lastMessage == null) {
      node.putNull("lastMessage");
      node.putNull("lastMessageCreatedAt");
    } else {
      node.set("lastMessage", lastMessage);
      node.put("lastMessageCreatedAt", millis(lastMessageCreatedAt));
    }
    node.put("unreadMessagesCount", 0);
    node.put("autoReplyEnabled", true);
    node.put("isAutoReplyNow", true);
    node.putNull("lastReadAt");
    node.put("createdAt", millis(createdAt));
    node.put("isGroupChat", false);
    node.put("enableGroupMention", false);
    return node;
  }

  private static String millis(Instant instant) {
    return Long.toString(instant.toEpochMilli());
  }
}
