package dev.maigw.sdk.webhook;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Maps Jackson's parse failures to syntax {@link WebhookFormatProblem}s with fixed sentences.
 * Jackson's wording is kept only inside the {@code MALFORMED_JSON} detail, escaped and shortened.
 */
final class JacksonFailures {

  private static final int MAX_REASON_LENGTH = 160;
  private static final int MAX_QUOTED_NAME_LENGTH = 80;

  private final ReaderLimits limits;

  JacksonFailures(ReaderLimits limits) {
    this.limits = limits;
  }

  WebhookFormatException toFormatException(JacksonException e, byte[] body) {
    StreamConstraintsException limit = findConstraintFailure(e);
    if (limit != null) {
      return new WebhookFormatException(WebhookFormatProblem.LIMIT_EXCEEDED, limitDetail(limit));
    }
    String reason = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    String where = where(e.getLocation(), body);
    if (reason.startsWith("Duplicate Object property")) {
      return new WebhookFormatException(
          WebhookFormatProblem.DUPLICATE_KEY,
          "Body repeats the property '" + duplicateName(reason) + "' in one object" + where + ".");
    }
    if (reason.startsWith("Invalid UTF-8")) {
      return new WebhookFormatException(
          WebhookFormatProblem.INVALID_ENCODING, "Body is not valid UTF-8" + where + ".");
    }
    if (e instanceof MismatchedInputException && reason.startsWith("Trailing token")) {
      return new WebhookFormatException(
          WebhookFormatProblem.MALFORMED_JSON,
          "Body is not valid JSON: more content follows the top-level value" + where + ".");
    }
    return new WebhookFormatException(
        WebhookFormatProblem.MALFORMED_JSON,
        "Body is not valid JSON: " + LogSafe.escapeForLog(reason, MAX_REASON_LENGTH) + where + ".");
  }

  private static StreamConstraintsException findConstraintFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamConstraintsException constraint) {
        return constraint;
      }
    }
    return null;
  }

  private String limitDetail(StreamConstraintsException e) {
    String reason = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (reason.contains("nesting depth")) {
      return "Body nests deeper than " + limits.maxNestingDepth() + " levels.";
    }
    if (reason.startsWith("Number value length")) {
      return "Body holds a number longer than " + limits.maxNumberLength() + " characters.";
    }
    if (reason.startsWith("Name length")) {
      return "Body holds a property name longer than " + limits.maxNameLength() + " characters.";
    }
    return "Body exceeds a parser limit: " + LogSafe.escapeForLog(reason, MAX_REASON_LENGTH) + ".";
  }

  private static String duplicateName(String reason) {
    int first = reason.indexOf('"');
    int last = reason.lastIndexOf('"');
    String name = first >= 0 && last > first ? reason.substring(first + 1, last) : "?";
    return LogSafe.escapeForLog(name, MAX_QUOTED_NAME_LENGTH);
  }

  /**
   * Describes where parsing stopped as {@code ", at line L column C"}, counting lines from 1 at
   * each LF and columns from 1 in characters (a leading byte order mark takes none); empty when
   * Jackson gave no byte offset.
   */
  static String where(TokenStreamLocation location, byte[] body) {
    if (location == null || location.getByteOffset() < 0) {
      return "";
    }
    int end = (int) Math.min(location.getByteOffset(), body.length);
    int line = 1;
    int column = 1;
    // An editor shows no byte order mark, so it takes no column.
    for (int i = Utf8.startsWithBom(body) ? 3 : 0; i < end; i++) {
      int b = body[i] & 0xFF;
      if (b == '\n') {
        line++;
        column = 1;
      } else if ((b & 0xC0) != 0x80) {
        // Count characters, not bytes: continuation bytes do not start a new character.
        column++;
      }
    }
    return ", at line " + line + " column " + column;
  }
}
