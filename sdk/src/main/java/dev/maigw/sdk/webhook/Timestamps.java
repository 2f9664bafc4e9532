package dev.maigw.sdk.webhook;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the message timestamp (W1, W2). The key is {@code createdAt}, else {@code created_at}; the
 * value a JSON string or number. Exactly 13 digits are epoch milliseconds, exactly 10 digits epoch
 * seconds; anything else is tried as ISO-8601: an instant ({@code 2025-05-20T06:41:12Z}), a
 * date-time with offset ({@code 2025-05-20T14:41:12+08:00}), or a local date-time taken as UTC.
 * Other digit counts are not guessed at. A value that fits none of these becomes null with a
 * warning; reading a timestamp never fails the message.
 */
final class Timestamps {

  /** Longer text is not a timestamp in any accepted form, so parsing is not tried. */
  private static final int MAX_PARSED_LENGTH = 64;

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
    String t = text.strip();
    if (t.isEmpty() || t.length() > MAX_PARSED_LENGTH) {
      return null;
    }
    if (isAsciiDigits(t)) {
      return switch (t.length()) {
        case 13 -> Instant.ofEpochMilli(Long.parseLong(t));
        case 10 -> Instant.ofEpochSecond(Long.parseLong(t));
        default -> null;
      };
    }
    try {
      return Instant.parse(t);
    } catch (DateTimeException notAnInstant) {
      // Fall through to the next accepted form.
    }
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeException notOffsetDateTime) {
      // Fall through to the next accepted form.
    }
    try {
      return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException notLocalDateTime) {
      return null;
    }
  }

  private static boolean isAsciiDigits(String t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
