package dev.maigw.gateway.system;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Parses the cursor and limit query parameters every list endpoint takes. Cursors are opaque to
 * clients: a number where one column orders the list, otherwise the sort key's parts joined and
 * base64url-encoded. A malformed cursor is 400 {@code invalid_cursor}.
 */
public final class PageRequest {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private PageRequest() {}

  public static long cursor(String text, long whenAbsent) {
    if (text == null || text.isEmpty()) {
      return whenAbsent;
    }
    try {
      long value = Long.parseLong(text);
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw invalidCursor(text);
  }

  /** A cursor of several sort-key parts; only the last may contain {@code ':'}. */
  public static String compositeCursor(Object... parts) {
    StringBuilder joined = new StringBuilder();
    for (Object part : parts) {
      joined.append(joined.isEmpty() ? "" : ":").append(part);
    }
    return ENCODER.encodeToString(joined.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The parts of a {@link #compositeCursor}, or null when {@code text} is absent.
   *
   * @throws GatewayException 400 {@code invalid_cursor} when it is not one of {@code parts} parts
   */
  public static List<String> compositeCursor(String text, int parts) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      String joined = new String(DECODER.decode(text), StandardCharsets.UTF_8);
      List<String> split = List.of(joined.split(":", parts));
      if (split.size() == parts) {
        return split;
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw invalidCursor(text);
  }

  /** The part of a composite cursor that is a number. */
  public static long number(List<String> parts, int index, String cursor) {
    try {
      return Long.parseLong(parts.get(index));
    } catch (NumberFormatException e) {
      throw invalidCursor(cursor);
    }
  }

  public static int limit(Integer requested) {
    return limit(requested, DEFAULT_LIMIT);
  }

  /** {@code requested}, or {@code whenAbsent}; 400 when outside 1 to {@link #MAX_LIMIT}. */
  public static int limit(Integer requested, int whenAbsent) {
    if (requested == null) {
      return whenAbsent;
    }
    if (requested < 1 || requested > MAX_LIMIT) {
      throw new GatewayException(
          Problem.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT + ".");
    }
    return requested;
  }

  private static GatewayException invalidCursor(String text) {
    return new GatewayException(
        Problem.INVALID_CURSOR, "Cursor '" + shorten(text) + "' is not valid.");
  }

  private static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
