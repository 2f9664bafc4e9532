package dev.maigw.sdk.client;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One page of {@code GET messages/}, newest first as MaiAgent orders them.
 *
 * @param next the absolute URL of the next page as MaiAgent gave it, or null on the last page; pass
 *     it back to {@link MaiAgentClient#listMessages} as the cursor
 */
public record MessagePage(List<MessageReceipt> results, String next) {

  public MessagePage {
    results = List.copyOf(results);
  }

  public boolean hasNext() {
    return next != null;
  }

  static MessagePage fromJson(JsonNode node) {
    JsonNode items = node.get("results");
    if (items == null || !items.isArray()) {
      throw new ResponseShapeException("Field 'results' is not a list.");
    }
    List<MessageReceipt> results = new ArrayList<>();
    items.forEach(item -> results.add(MessageReceipt.fromJson(item)));
    return new MessagePage(results, ApiJson.text(node, "next"));
  }
}
