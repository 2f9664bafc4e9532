package dev.maigw.emulator.system;

import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The emulator's one JSON mapper and small tree helpers. */
public final class Json {
  /** Immutable and thread-safe once built; shared by every request. */
  public static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  public static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  public static byte[] bytes(JsonNode node) {
    return MAPPER.writeValueAsBytes(node);
  }

  /**
   * Parses a request body.
   *
   * @throws HttpProblemException 400 with DRF's "JSON parse error" detail when it is not JSON
   */
  public static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return object();
    }
    try {
      return MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw HttpProblemException.detail(400, "JSON parse error - " + e.getOriginalMessage());
    }
  }

  public static JsonNode parse(String body) {
    return parse(body.getBytes(StandardCharsets.UTF_8));
  }

  /** The first present, non-null field among {@code names} (e.g. both casings), or null. */
  public static JsonNode field(JsonNode node, String... names) {
    for (String name : names) {
      JsonNode value = node.get(name);
      if (value != null && !value.isNull()) {
        return value;
      }
    }
    return null;
  }

  /** A string or number field as text (first of {@code names} present), or null. */
  public static String text(JsonNode node, String... names) {
    return scalarText(field(node, names));
  }

  /** A string, number or boolean node as text; null for null, missing and containers. */
  public static String scalarText(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode() || value.isContainer()) {
      return null;
    }
    return value.isString() ? value.stringValue() : value.asString();
  }

  /** A boolean field; accepts JSON booleans and the strings "true"/"false". */
  public static boolean flag(JsonNode node, String... names) {
    JsonNode value = field(node, names);
    if (value == null) {
      return false;
    }
    return value.isBoolean() ? value.booleanValue() : "true".equalsIgnoreCase(text(node, names));
  }
}
