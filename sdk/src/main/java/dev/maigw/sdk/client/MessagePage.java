package dev.maigw.sdk.client;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One page of {@code GET messages/}, newest first as MaiAgent orders them.
 *
 * @param next the absolute URL of the next page as MaiAgent gave it, or null on the last page; pass
 *     it back to {@link MaiAgentClient#listMessages} as the cursor
 * @param resultBytes each of {@code results} as the exact bytes of MaiAgent's answer (the same
 *     index), for keeping a message verbatim; never re-serialised
 */
public record MessagePage(List<MessageReceipt> results, String next, List<byte[]> resultBytes) {

  public MessagePage {
    results = List.copyOf(results);
    resultBytes = List.copyOf(resultBytes);
    if (resultBytes.size() != results.size()) {
      throw new IllegalArgumentException("resultBytes must hold one entry per result.");
    }
  }

  /** A page whose {@link #resultBytes} are the results written out again (not verbatim). */
  public MessagePage(List<MessageReceipt> results, String next) {
    this(results, next, results.stream().map(result -> ApiJson.bytes(result.raw())).toList());
  }

  public boolean hasNext() {
    return next != null;
  }

  static MessagePage fromJson(JsonNode node, byte[] body) {
    JsonNode items = node.get("results");
    if (items == null || !items.isArray()) {
      throw new ResponseShapeException("Field 'results' is not a list.");
    }
    List<MessageReceipt> results = new ArrayList<>();
    items.forEach(item -> results.add(MessageReceipt.fromJson(item)));
    return new MessagePage(
        results, ApiJson.text(node, "next"), JsonSlices.arrayElements(body, "results"));
  }
}
