package dev.maigw.sdk.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Parses the timestamp text MaiAgent sends. Exactly 13 digits are epoch milliseconds (the
 * documented form, e.g. {@code 1747723272345}), exactly 10 digits epoch seconds; anything else is
 * tried as ISO-8601: an instant ({@code 2025-05-20T06:41:12Z}), a date-time with offset ({@code
 * 2025-05-20T14:41:12+08:00}), or a local date-time taken as UTC. Other digit counts are not
 * guessed at. A JSON number is parsed from its text ({@code 1747723272345} as a number reads the
 * same as the string).
 */
public final class MaiAgentTimestamps {

  /** Longer text is not a timestamp in any accepted form, so parsing is not tried. */
  private static final int MAX_PARSED_LENGTH = 64;

  private MaiAgentTimestamps() {}

  /**
   * Parses timestamp text as described on the type; surrounding whitespace is ignored.
   *
   * @return the instant, or null if the text is null or fits no accepted form
   */
  public static Instant parse(String text) {
    if (text == null) {
      return null;
    }
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
