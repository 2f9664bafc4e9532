package dev.maigw.emulator.inbox;

import dev.maigw.emulator.system.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * A MaiAgent inbox (one channel of an AI assistant).
 *
 * @param channelId the channel's id; for web inboxes this is the "Web Chat ID"
 */
public record Inbox(
    String id,
    String name,
    String channelType,
    int unreadConversationsCount,
    String channelId,
    String channelName) {

  /** The list item shape: the schema's fields plus the {@code channel} the samples read. */
  public ObjectNode toJson() {
    ObjectNode node = summaryJson();
    node.putObject("channel").put("id", channelId).put("name", channelName);
    return node;
  }

  /** The shape embedded in a conversation: {@code {id, name, channelType, unread...}}. */
  public ObjectNode summaryJson() {
    return Json.object()
        .put("id", id)
        .put("name", name)
        .put("channelType", channelType)
        .put("unreadConversationsCount", unreadConversationsCount);
  }
}
