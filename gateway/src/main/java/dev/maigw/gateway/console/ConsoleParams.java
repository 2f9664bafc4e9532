package dev.maigw.gateway.console;

import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads the console's query parameters: blank means absent; times are UTC. */
final class ConsoleParams {

  private ConsoleParams() {}

  static String text(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** An ISO-8601 instant, or a {@code datetime-local} value read as UTC; null when blank. */
  static Instant time(String name, String value) {
    String text = text(value);
    if (text == null) {
      return null;
    }
    try {
      return text.endsWith("Z") || text.contains("+")
          ? Instant.parse(text)
          : LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new GatewayException(
          Problem.BAD_REQUEST, name + " must be a time such as 2026-12-03T08:00 (UTC).");
    }
  }

  /** A cursor: a non-negative number, or {@code whenAbsent}. */
  static long cursor(String value, long whenAbsent) {
    String text = text(value);
    if (text == null) {
      return whenAbsent;
    }
    try {
      long cursor = Long.parseLong(text);
      if (cursor >= 0) {
        return cursor;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new GatewayException(Problem.INVALID_CURSOR, "The page cursor is not valid.");
  }

  /** A {@code datetime-local} form value for an instant, so a filter shows what was asked. */
  static String formValue(Instant instant) {
    return instant == null ? "" : LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
  }
}
