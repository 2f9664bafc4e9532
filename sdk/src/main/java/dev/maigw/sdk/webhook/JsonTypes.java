package dev.maigw.sdk.webhook;

import tools.jackson.databind.JsonNode;

/** Small, shared ways of looking at a {@link JsonNode}'s type and reading it tolerantly. */
final class JsonTypes {

  private JsonTypes() {}

  /** Names the node's JSON type for a detail sentence, e.g. {@code an object}. */
  static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> node.isIntegralNumber() ? "an integer" : "a decimal number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> "an unsupported value";
    };
  }

  /** Tells whether a property is absent or JSON null; both mean "not given". */
  static boolean isAbsent(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  /**
   * Returns the value's text as received where possible: a string's value, otherwise the compact
   * JSON text (numbers, booleans and containers).
   */
  static String rawText(JsonNode node) {
    return node.isString() ? node.stringValue() : node.toString();
  }

  /**
   * Reads an optional field leniently: a string as it is, a number or boolean as its JSON text.
   * Returns null when the field is absent or null, and also when it is an object or array, in which
   * case a warning names the ignored value.
   *
   * @param parent the object holding the field
   * @param field the field name within {@code parent}
   * @param path the field's path for the warning, e.g. {@code sender.name}
   */
  static String tolerantText(JsonNode parent, String field, String path, Warnings warnings) {
    JsonNode node = parent.get(field);
    if (isAbsent(node)) {
      return null;
    }
    if (node.isString()) {
      return node.stringValue();
    }
    if (node.isValueNode()) {
      return node.asString();
    }
    warnings.add(path + " is " + describe(node) + ", not a string; ignored.");
    return null;
  }
}
