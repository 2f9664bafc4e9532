package dev.maigw.gateway.bridge;

import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of a send: {@code {"content": "...", "attachments": [{id, type, filename, file}]}}.
 * Attachments are passed to MaiAgent as given (the upload flow that produces them is the sdk
 * client's {@code uploadAttachment}).
 */
record SendRequest(String content, String attachmentsJson) {

  static SendRequest parse(JsonNode body, JsonMapper json) {
    if (body == null || !body.isObject()) {
      throw invalid("The body must be a JSON object with \"content\".");
    }
    JsonNode content = body.get("content");
    if (content == null || !content.isString() || content.stringValue().isBlank()) {
      throw invalid("\"content\" must be a non-empty string.");
    }
    JsonNode attachments = body.get("attachments");
    ArrayNode checked = json.createArrayNode();
    if (attachments != null && !attachments.isNull()) {
      if (!attachments.isArray()) {
        throw invalid("\"attachments\" must be an array.");
      }
      for (JsonNode attachment : attachments) {
        checked.add(attachment(attachment));
      }
    }
    return new SendRequest(content.stringValue(), json.writeValueAsString(checked));
  }

  private static ObjectNode attachment(JsonNode attachment) {
    if (!attachment.isObject() || !attachment.path("id").isString()) {
      throw invalid("Each attachment must be an object with a string \"id\".");
    }
    ObjectNode kept = ((ObjectNode) attachment).objectNode();
    for (String field : new String[] {"id", "type", "filename", "file"}) {
      JsonNode value = attachment.get(field);
      if (value != null && !value.isNull()) {
        kept.put(field, value.asString());
      }
    }
    return kept;
  }

  private static GatewayException invalid(String detail) {
    return new GatewayException(Problem.INVALID_REQUEST, detail);
  }
}
