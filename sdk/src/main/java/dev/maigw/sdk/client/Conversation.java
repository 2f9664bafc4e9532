package dev.maigw.sdk.client;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A MaiAgent conversation, as {@code POST conversations/} and {@code GET conversations/{id}/}
 * answer it.
 *
 * @param id the conversation id; what {@link MaiAgentClient#sendMessage} and webhooks refer to
 * @param title the title, or null
 * @param createdAt when MaiAgent created it ({@code createdAt} or {@code created_at}), or null if
 *     absent or unreadable
 * @param raw the whole answer, for fields this record does not name (contact, inbox, ...)
 */
public record Conversation(String id, String title, Instant createdAt, JsonNode raw) {

  static Conversation fromJson(JsonNode node) {
    return new Conversation(
        ApiJson.requireText(node, "id"),
        ApiJson.text(node, "title"),
        ApiJson.instant(node, "createdAt", "created_at"),
        node);
  }
}
