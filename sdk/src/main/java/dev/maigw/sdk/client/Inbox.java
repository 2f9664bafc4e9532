package dev.maigw.sdk.client;

import tools.jackson.databind.JsonNode;

/**
 * One inbox (a channel of an AI assistant) from {@code GET inboxes/}.
 *
 * @param channelType {@code web}, {@code line}, {@code telegram}, {@code messenger}, ...
 * @param webChatId {@code channel.id}: for a web inbox, the Web Chat ID that {@link
 *     MaiAgentClient#createConversation} takes; null if the item has no {@code channel}
 * @param webChatName {@code channel.name}, or null
 */
public record Inbox(
    String id, String name, String channelType, String webChatId, String webChatName) {

  static Inbox fromJson(JsonNode node) {
    JsonNode channel = node.get("channel");
    boolean hasChannel = channel != null && channel.isObject();
    return new Inbox(
        ApiJson.requireText(node, "id"),
        ApiJson.text(node, "name"),
        ApiJson.text(node, "channelType", "channel_type"),
        hasChannel ? ApiJson.text(channel, "id") : null,
        hasChannel ? ApiJson.text(channel, "name") : null);
  }
}
