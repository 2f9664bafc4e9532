package dev.maigw.sdk.webhook;

import tools.jackson.databind.JsonNode;

/**
 * Rules for the ids that become storage keys (message and conversation ids). Ids are opaque (W8):
 * any non-blank text is accepted, and an integer is taken as its digits. They must be short enough
 * to index and free of control characters, since they appear in logs and URLs.
 */
final class Ids {

  private final int maxLength;

  Ids(int maxLength) {
    this.maxLength = maxLength;
  }

  /**
   * Checks an id that is present and not null, and returns its text.
   *
   * @param field the field name for the detail sentence
   * @throws WebhookFormatException {@code INVALID_FIELD} if it is neither a string nor an integer,
   *     {@code INVALID_ID} if it is empty, blank, too long or holds a control character
   */
  String check(String field, JsonNode node) {
    String text;
    if (node.isString()) {
      text = node.stringValue();
    } else if (node.isIntegralNumber()) {
      text = node.asString();
    } else {
      throw new WebhookFormatException(
          WebhookFormatProblem.INVALID_FIELD,
          "Field '"
              + field
              + "' must be a string or an integer, not "
              + JsonTypes.describe(node)
              + ".");
    }
    if (text.isEmpty()) {
      throw invalid(field, "is empty");
    }
    if (text.isBlank()) {
      throw invalid(field, "is blank");
    }
    if (text.codePointCount(0, text.length()) > maxLength) {
      throw invalid(field, "is longer than " + maxLength + " characters");
    }
    if (hasControlCharacter(text)) {
      throw invalid(field, "contains a control character");
    }
    return text;
  }

  private static boolean hasControlCharacter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7F) {
        return true;
      }
    }
    return false;
  }

  private static WebhookFormatException invalid(String field, String what) {
    return new WebhookFormatException(
        WebhookFormatProblem.INVALID_ID, "Field '" + field + "' " + what + ".");
  }
}
