package dev.maigw.sdk.client;

import tools.jackson.databind.JsonNode;

/**
 * The answer of a non-streaming completion, or the sum of a streamed one.
 *
 * @param conversationId {@code conversationId}, else {@code conversation_id}; pass it to the next
 *     completion to continue the conversation. Null if MaiAgent sent neither.
 * @param content the assistant's whole answer
 * @param done MaiAgent's {@code done} (true when absent, as a non-streaming answer is complete);
 *     for a stream, whether it ended with {@code done: true} or {@code [DONE]} rather than a
 *     cut-off
 */
public record CompletionResult(String conversationId, String content, boolean done) {

  static CompletionResult fromJson(JsonNode node) {
    JsonNode content = node.get("content");
    if (content == null || !content.isString()) {
      throw new ResponseShapeException("Field 'content' is missing.");
    }
    return new CompletionResult(
        ApiJson.text(node, "conversationId", "conversation_id"),
        content.stringValue(),
        ApiJson.flag(node, "done", true));
  }
}
