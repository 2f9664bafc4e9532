package dev.maigw.sdk.client;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A message as the API returns it: the receipt of {@code POST messages/} (the message just sent;
 * the AI's reply comes later by webhook) or an item of {@code GET messages/}.
 *
 * @param id the message id
 * @param conversationId {@code conversation} (or {@code conversationId}, {@code conversation_id})
 * @param type {@code incoming} (from the user) or {@code outgoing} (from the assistant), or null
 * @param content the text, or null
 * @param createdAt {@code createdAt} or {@code created_at}, or null if absent or unreadable
 * @param raw the whole item, for fields this record does not name (sender, attachments, citations)
 */
public record MessageReceipt(
    String id,
    String conversationId,
    String type,
    String content,
    Instant createdAt,
    JsonNode raw) {

  static MessageReceipt fromJson(JsonNode node) {
    return new MessageReceipt(
        ApiJson.requireText(node, "id"),
        ApiJson.text(node, "conversation", "conversationId", "conversation_id"),
        ApiJson.text(node, "type"),
        ApiJson.text(node, "content"),
        ApiJson.instant(node, "createdAt", "created_at"),
        node);
  }
}
