package dev.maigw.sdk.client;

import dev.maigw.sdk.time.MaiAgentTimestamps;
import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads MaiAgent's JSON tolerantly: a field may come under either casing, a string id may come as a
 * number, and an id may come wrapped in an object ({@code "conversation": {"id": ...}}).
 */
final class ApiJson {

  /** Immutable once built, so shared. */
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private ApiJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static byte[] bytes(JsonNode node) {
    return MAPPER.writeValueAsBytes(node);
  }

  /**
   * @throws ResponseShapeException if the bytes are not one JSON object
   */
  static JsonNode parseObject(byte[] body) {
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw new ResponseShapeException("Body is not JSON.");
    }
    if (node == null || !node.isObject()) {
      throw new ResponseShapeException("Body is not a JSON object.");
    }
    return node;
  }

  /**
   * The first of {@code names} present as text (or a number or boolean, as its text, or an object
   * with an {@code id}); null when none is.
   */
  static String text(JsonNode parent, String... names) {
    for (String name : names) {
      JsonNode value = parent.get(name);
      if (value == null || value.isNull()) {
        continue;
      }
      if (value.isString()) {
        return value.stringValue();
      }
      if (value.isNumber() || value.isBoolean()) {
        return value.asString();
      }
      if (value.isObject() && value.has("id")) {
        return text(value, "id");
      }
    }
    return null;
  }

  /**
   * @throws ResponseShapeException if none of {@code names} holds a non-blank value
   */
  static String requireText(JsonNode parent, String... names) {
    String value = text(parent, names);
    if (value == null || value.isBlank()) {
      throw new ResponseShapeException("Field '" + names[0] + "' is missing.");
    }
    return value;
  }

  /** A timestamp under any of {@code names}, as {@link MaiAgentTimestamps} reads it; else null. */
  static Instant instant(JsonNode parent, String... names) {
    JsonNode value = null;
    for (String name : names) {
      value = parent.get(name);
      if (value != null && !value.isNull()) {
        break;
      }
    }
    if (value == null || !(value.isString() || value.isIntegralNumber())) {
      return null;
    }
    return MaiAgentTimestamps.parse(value.asString());
  }

  /** A boolean (or {@code "true"}/{@code "false"} text) under {@code name}; else the default. */
  static boolean flag(JsonNode parent, String name, boolean otherwise) {
    JsonNode value = parent.get(name);
    if (value != null && value.isBoolean()) {
      return value.booleanValue();
    }
    if (value != null && value.isString()) {
      return Boolean.parseBoolean(value.stringValue().strip());
    }
    return otherwise;
  }
}
