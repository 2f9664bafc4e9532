package dev.maigw.sdk.webhook;

import dev.maigw.sdk.time.MaiAgentTimestamps;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the message timestamp (W1, W2). The key is {@code createdAt}, else {@code created_at}; the
 * value a JSON string or number in one of the forms {@link MaiAgentTimestamps} accepts. A value
 * that fits none of these becomes null with a warning; reading a timestamp never fails the message.
 */
final class Timestamps {

  /** The parsed instant (null if absent or unparsable) and the text as received. */
  record Reading(Instant instant, String raw) {}

  private Timestamps() {}

  static Reading read(ObjectNode body, Warnings warnings) {
    JsonNode camel = body.get("createdAt");
    JsonNode snake = body.get("created_at");
    String key;
    JsonNode node;
    if (!JsonTypes.isAbsent(camel)) {
      key = "createdAt";
      node = camel;
      if (!JsonTypes.isAbsent(snake)
          && !JsonTypes.rawText(snake).equals(JsonTypes.rawText(camel))) {
        warnings.add("createdAt and created_at differ; used createdAt.");
      }
    } else if (!JsonTypes.isAbsent(snake)) {
      key = "created_at";
      node = snake;
    } else {
      return new Reading(null, null);
    }
    String raw = JsonTypes.rawText(node);
    if (!node.isString() && !node.isNumber()) {
      warnings.add(key + " is " + JsonTypes.describe(node) + ", not a timestamp; stored as null.");
      return new Reading(null, raw);
    }
    Instant instant = parse(raw);
    if (instant == null) {
      warnings.add(key + " " + Warnings.quote(raw) + " is not a timestamp; stored as null.");
    }
    return new Reading(instant, raw);
  }

  /**
   * Parses timestamp text as described on the type; surrounding whitespace is ignored.
   *
   * @return the instant, or null if the text fits no accepted form
   */
  static Instant parse(String text) {
    return MaiAgentTimestamps.parse(text);
  }
}
