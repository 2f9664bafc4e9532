package dev.maigw.gateway.delivery;

import dev.maigw.gateway.delivery.outbound.TargetUrl;
import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What a caller may set on a target, read from the JSON body of {@code POST/PUT /api/targets}:
 * {@code name}, {@code url}, {@code messageTypes} (default {@code ["outgoing"]}), {@code
 * conversation}, {@code sender}, {@code contentContains}, {@code headers}, {@code timeoutMs}
 * (default 10000, 100–60000) and {@code ordered} (default false).
 */
record TargetSettings(
    String name,
    String url,
    List<String> messageTypes,
    String conversationFilter,
    String senderFilter,
    String contentFilter,
    Map<String, String> headers,
    Duration timeout,
    boolean ordered) {

  /** Headers a target may not set: the transport's own and the signature's. */
  private static final Set<String> RESERVED =
      Set.of(
          "host",
          "content-length",
          "content-type",
          "transfer-encoding",
          "connection",
          "webhook-id",
          "webhook-timestamp",
          "webhook-signature");

  static TargetSettings parse(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw invalid("The body must be a JSON object.");
    }
    String url = requiredText(body, "url");
    TargetUrl.parse(url); // refuses what can never be a target: wrong scheme, userinfo, no host
    String name = body.hasNonNull("name") ? text(body, "name") : url;
    long timeoutMs = body.hasNonNull("timeoutMs") ? body.get("timeoutMs").asLong() : 10_000;
    if (timeoutMs < 100 || timeoutMs > 60_000) {
      throw invalid("\"timeoutMs\" must be between 100 and 60000.");
    }
    return new TargetSettings(
        name,
        url,
        messageTypes(body.get("messageTypes")),
        optionalText(body, "conversation"),
        optionalText(body, "sender"),
        optionalText(body, "contentContains"),
        headers(body.get("headers")),
        Duration.ofMillis(timeoutMs),
        body.path("ordered").asBoolean(false));
  }

  private static List<String> messageTypes(JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of("outgoing");
    }
    if (!node.isArray()) {
      throw invalid("\"messageTypes\" must be an array of strings.");
    }
    List<String> types = new ArrayList<>();
    for (JsonNode type : node) {
      if (!type.isString() || type.stringValue().isBlank() || type.stringValue().contains(",")) {
        throw invalid("\"messageTypes\" must hold non-empty strings without commas.");
      }
      types.add(type.stringValue().trim());
    }
    return List.copyOf(types);
  }

  private static Map<String, String> headers(JsonNode node) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return headers;
    }
    if (!node.isObject()) {
      throw invalid("\"headers\" must be an object of strings.");
    }
    for (var entry : node.properties()) {
      String name = entry.getKey();
      if (!name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
        throw invalid("Header name '" + shorten(name) + "' is not a valid token.");
      }
      if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
        throw invalid("Header '" + name + "' is set by the gateway and cannot be overridden.");
      }
      JsonNode value = entry.getValue();
      if (!value.isString() || value.stringValue().matches("(?s).*[\\r\\n\\x00].*")) {
        throw invalid("Header '" + name + "' must be a one-line string.");
      }
      headers.put(name, value.stringValue());
    }
    return headers;
  }

  private static String requiredText(JsonNode body, String field) {
    if (!body.hasNonNull(field)) {
      throw invalid("\"" + field + "\" is required.");
    }
    return text(body, field);
  }

  private static String optionalText(JsonNode body, String field) {
    return body.hasNonNull(field) ? text(body, field) : null;
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (!value.isString() || value.stringValue().isBlank()) {
      throw invalid("\"" + field + "\" must be a non-empty string.");
    }
    return value.stringValue();
  }

  private static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }

  private static GatewayException invalid(String detail) {
    return new GatewayException(Problem.INVALID_REQUEST, detail);
  }
}
