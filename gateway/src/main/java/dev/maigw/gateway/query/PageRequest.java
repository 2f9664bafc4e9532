package dev.maigw.gateway.query;

import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;

/** Parses cursor and limit query parameters. Cursors are opaque to clients. */
final class PageRequest {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 500;

  private PageRequest() {}

  static long cursor(String text, long whenAbsent) {
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
    throw new GatewayException(
        Problem.INVALID_CURSOR, "Cursor '" + shorten(text) + "' is not valid.");
  }

  static int limit(Integer requested) {
    if (requested == null) {
      return DEFAULT_LIMIT;
    }
    if (requested < 1 || requested > MAX_LIMIT) {
      throw new GatewayException(
          Problem.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT + ".");
    }
    return requested;
  }

  private static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
