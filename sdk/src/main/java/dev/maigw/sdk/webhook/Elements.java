package dev.maigw.sdk.webhook;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the {@code attachments} and {@code citations} arrays. Each may be absent or null (read as
 * empty, W14) but, when present, must be an array. Elements that are not objects are skipped with a
 * warning; within an element every field is optional and read tolerantly (W5).
 */
final class Elements {

  private Elements() {}

  static List<Attachment> attachments(ObjectNode body, Warnings warnings) {
    List<Attachment> attachments = new ArrayList<>();
    JsonNode array = array(body, "attachments");
    for (int i = 0; i < array.size(); i++) {
      String path = "attachments[" + i + "]";
      JsonNode e = array.get(i);
      if (isObject(e, path, warnings)) {
        attachments.add(
            new Attachment(
                JsonTypes.tolerantText(e, "id", path + ".id", warnings),
                JsonTypes.tolerantText(e, "type", path + ".type", warnings),
                JsonTypes.tolerantText(e, "filename", path + ".filename", warnings),
                JsonTypes.tolerantText(e, "file", path + ".file", warnings)));
      }
    }
    return attachments;
  }

  static List<Citation> citations(ObjectNode body, Warnings warnings) {
    List<Citation> citations = new ArrayList<>();
    JsonNode array = array(body, "citations");
    for (int i = 0; i < array.size(); i++) {
      String path = "citations[" + i + "]";
      JsonNode e = array.get(i);
      if (isObject(e, path, warnings)) {
        citations.add(
            new Citation(
                JsonTypes.tolerantText(e, "id", path + ".id", warnings),
                JsonTypes.tolerantText(e, "filename", path + ".filename", warnings),
                JsonTypes.tolerantText(e, "file", path + ".file", warnings),
                JsonTypes.tolerantText(e, "fileType", path + ".fileType", warnings),
                size(e, path + ".size", warnings),
                JsonTypes.tolerantText(e, "status", path + ".status", warnings),
                JsonTypes.tolerantText(e, "document", path + ".document", warnings),
                JsonTypes.tolerantText(
                    e, "chatbotFileContent", path + ".chatbotFileContent", warnings),
                JsonTypes.tolerantText(e, "createdAt", path + ".createdAt", warnings)));
      }
    }
    return citations;
  }

  /** Returns the array, or an empty one when the field is absent or null. */
  private static JsonNode array(ObjectNode body, String field) {
    JsonNode node = body.get(field);
    if (JsonTypes.isAbsent(node)) {
      return body.arrayNode();
    }
    if (!node.isArray()) {
      throw new WebhookFormatException(
          WebhookFormatProblem.INVALID_FIELD,
          "Field '" + field + "' must be an array, not " + JsonTypes.describe(node) + ".");
    }
    return node;
  }

  private static boolean isObject(JsonNode element, String path, Warnings warnings) {
    if (element.isObject()) {
      return true;
    }
    warnings.add(path + " is " + JsonTypes.describe(element) + ", not an object; skipped.");
    return false;
  }

  /** Reads a size in bytes from an integral number or a string of ASCII digits. */
  private static Long size(JsonNode element, String path, Warnings warnings) {
    JsonNode node = element.get("size");
    if (JsonTypes.isAbsent(node)) {
      return null;
    }
    if (node.isNumber() && node.canConvertToExactIntegral() && node.canConvertToLong()) {
      return node.asLong();
    }
    if (node.isString() && isWholeNumber(node.stringValue().strip())) {
      try {
        return Long.parseLong(node.stringValue().strip());
      } catch (NumberFormatException tooLarge) {
        // Reported below like any other unusable size.
      }
    }
    warnings.add(
        path + " " + Warnings.quote(JsonTypes.rawText(node)) + " is not a whole number; ignored.");
    return null;
  }

  private static boolean isWholeNumber(String text) {
    int start = text.startsWith("-") ? 1 : 0;
    if (text.length() == start) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
