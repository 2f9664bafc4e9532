package dev.maigw.sdk.client;

import tools.jackson.databind.JsonNode;

/**
 * One event of a streamed completion.
 *
 * @param conversationId {@code conversationId}, else {@code conversation_id}; null if neither
 * @param content the text added by this event (a delta, not the answer so far); {@code ""} if none
 * @param done true on the last event, which usually carries empty content
 */
public record CompletionChunk(String conversationId, String content, boolean done) {

  static CompletionChunk fromJson(JsonNode node) {
    String content = ApiJson.text(node, "content");
    return new CompletionChunk(
        ApiJson.text(node, "conversationId", "conversation_id"),
        content == null ? "" : content,
        ApiJson.flag(node, "done", false));
  }
}
