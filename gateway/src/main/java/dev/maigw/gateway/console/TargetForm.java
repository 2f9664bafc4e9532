package dev.maigw.gateway.console;

import dev.maigw.gateway.delivery.Target;
import dev.maigw.gateway.delivery.TargetRedaction;
import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The target form's fields as typed, turned into the JSON that {@code POST /api/targets} takes, so
 * the console and the API check a target the same way.
 *
 * @param messageTypes comma-separated; empty means every type
 * @param headers one {@code Name: value} per line
 * @param ordered {@code "true"} when the box is ticked; absent otherwise (a browser sends nothing
 *     for an unticked box)
 */
public record TargetForm(
    String name,
    String url,
    String messageTypes,
    String conversation,
    String sender,
    String contentContains,
    String headers,
    String timeoutMs,
    String ordered) {

  static TargetForm empty() {
    return new TargetForm("", "", "outgoing", "", "", "", "", "10000", null);
  }

  static TargetForm of(Target t) {
    StringBuilder headers = new StringBuilder();
    // Masked: saving the form unchanged keeps the stored values (see TargetRedaction).
    TargetRedaction.headers(t.headers())
        .forEach((k, v) -> headers.append(k).append(": ").append(v).append('\n'));
    return new TargetForm(
        t.name(),
        TargetRedaction.url(t.url()),
        String.join(", ", t.messageTypes()),
        orEmpty(t.conversationFilter()),
        orEmpty(t.senderFilter()),
        orEmpty(t.contentFilter()),
        headers.toString(),
        Long.toString(t.timeout().toMillis()),
        t.ordered() ? "true" : null);
  }

  JsonNode toJson(JsonMapper json) {
    ObjectNode body = json.createObjectNode();
    putText(body, "name", name);
    putText(body, "url", url);
    var types = body.putArray("messageTypes");
    for (String type : (messageTypes == null ? "" : messageTypes).split(",")) {
      if (!type.isBlank()) {
        types.add(type.trim());
      }
    }
    putText(body, "conversation", conversation);
    putText(body, "sender", sender);
    putText(body, "contentContains", contentContains);
    ObjectNode headerNode = body.putObject("headers");
    headerLines().forEach(headerNode::put);
    if (timeoutMs != null && !timeoutMs.isBlank()) {
      try {
        body.put("timeoutMs", Long.parseLong(timeoutMs.trim()));
      } catch (NumberFormatException e) {
        throw new GatewayException(Problem.INVALID_REQUEST, "Timeout must be a number of ms.");
      }
    }
    body.put("ordered", isOrdered());
    return body;
  }

  public boolean isOrdered() {
    return "true".equals(ordered);
  }

  private Map<String, String> headerLines() {
    Map<String, String> parsed = new java.util.LinkedHashMap<>();
    for (String line : (headers == null ? "" : headers).split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new GatewayException(
            Problem.INVALID_REQUEST, "Each header line must read 'Name: value'.");
      }
      parsed.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
    }
    return parsed;
  }

  private static void putText(ObjectNode body, String field, String value) {
    if (value != null && !value.isBlank()) {
      body.put(field, value.trim());
    }
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }
}
