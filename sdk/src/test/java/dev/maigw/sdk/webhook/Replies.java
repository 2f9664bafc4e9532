package dev.maigw.sdk.webhook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test bodies that start as one valid reply and vary one thing, e.g. {@code
 * Replies.valid().with("sender.id", "u-1").bytes()}. The base is ASCII-only and serialised on one
 * line, so byte offsets equal column numbers minus one.
 */
final class Replies {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private static final String VALID =
      """
      {
        "id": "b1f4c2e0-6a3d-4c1e-9f7a-2d5e8c9b0a11",
        "conversation": "c7e2a9d4-1b3f-4e6a-8c5d-0f9e2b7a6c33",
        "sender": {"id": 1042, "name": "Support bot", "avatar": "https://media.example.com/a.png"},
        "type": "outgoing",
        "content": "Returns are accepted within 7 days of delivery.",
        "feedback": null,
        "createdAt": "1747723272345",
        "attachments": [],
        "citations": [
          {
            "id": "f764b040-37b2-44e7-9889-19ed01a0c11e",
            "filename": "returns-2025.pdf",
            "file": "https://media.example.com/chatbot-file/f764b040.pdf",
            "fileType": "pdf",
            "size": 248913,
            "status": "done",
            "document": "f967f11c-3c37-474f-b384-2e55363599f2",
            "createdAt": "1738574100000"
          }
        ]
      }
      """;

  private final ObjectNode root;
  private final List<String> rawMembers = new ArrayList<>();
  private String suffix = "";

  private Replies(ObjectNode root) {
    this.root = root;
  }

  /** A complete, valid AI reply with one doc-shape citation. */
  static Replies valid() {
    return new Replies((ObjectNode) MAPPER.readTree(VALID));
  }

  /** Parses a JSON snippet, for values such as {@code json("{\"a\":1}")}. */
  static JsonNode json(String text) {
    return MAPPER.readTree(text);
  }

  /**
   * Sets the value at a dotted path such as {@code createdAt}, {@code sender.id} or {@code
   * citations.0.size}; an index one past the end appends. A {@link JsonNode} is used as is, null
   * becomes JSON null, and anything else is converted the way Jackson would serialise it.
   */
  Replies with(String path, Object value) {
    JsonNode node = value instanceof JsonNode given ? given : MAPPER.valueToTree(value);
    JsonNode parent = parentOf(path);
    String last = lastSegment(path);
    if (parent instanceof ArrayNode array) {
      int index = Integer.parseInt(last);
      if (index == array.size()) {
        array.add(node);
      } else {
        array.set(index, node);
      }
    } else {
      ((ObjectNode) parent).set(last, node);
    }
    return this;
  }

  /** Removes the value at a dotted path. */
  Replies without(String path) {
    JsonNode parent = parentOf(path);
    String last = lastSegment(path);
    if (parent instanceof ArrayNode array) {
      array.remove(Integer.parseInt(last));
    } else {
      ((ObjectNode) parent).remove(last);
    }
    return this;
  }

  /**
   * Replaces a top-level field with raw JSON text, written first in the object, so that the body
   * can hold what a tree cannot (duplicates, control bytes, huge numbers, broken syntax).
   */
  Replies withRaw(String field, String rawValue) {
    root.remove(field);
    return withDuplicate(field, rawValue);
  }

  /** Writes {@code "field": rawValue} first in the object while keeping the existing field. */
  Replies withDuplicate(String field, String rawValue) {
    rawMembers.add("\"" + field + "\":" + rawValue);
    return this;
  }

  /** Appends raw text after the closing brace. */
  Replies followedBy(String text) {
    suffix = text;
    return this;
  }

  String json() {
    String body = root.toString();
    if (!rawMembers.isEmpty()) {
      String separator = root.isEmpty() ? "" : ",";
      body = "{" + String.join(",", rawMembers) + separator + body.substring(1);
    }
    return body + suffix;
  }

  byte[] bytes() {
    return json().getBytes(StandardCharsets.UTF_8);
  }

  private JsonNode parentOf(String path) {
    String[] segments = path.split("\\.");
    JsonNode node = root;
    for (int i = 0; i < segments.length - 1; i++) {
      node = node.isArray() ? node.get(Integer.parseInt(segments[i])) : node.get(segments[i]);
    }
    return node;
  }

  private static String lastSegment(String path) {
    return path.substring(path.lastIndexOf('.') + 1);
  }
}
