package dev.maigw.sdk.client;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Turns a failed call into a {@link MaiAgentApiException}: reads DRF error bodies and S3 XML. */
final class ApiErrors {

  /** Longest body text kept on an exception. */
  static final int MAX_BODY_CHARS = 64 * 1024;

  private static final int SNIPPET_CHARS = 200;
  private static final Pattern XML_MESSAGE = Pattern.compile("<Message>([^<]{1,500})</Message>");

  private ApiErrors() {}

  /** MaiAgent (or storage) answered a non-2xx status. */
  static MaiAgentApiException status(
      ApiCall call, int status, String body, Duration retryAfter, boolean outcomeUnknown) {
    String kept = cap(body);
    JsonNode json = parseOrNull(kept);
    Map<String, List<String>> fieldErrors = fieldErrors(json);
    String detail = detail(json, fieldErrors, kept);
    return new ApiFailure(
            MaiAgentApiException.Kind.ofStatus(status),
            call.label(),
            status,
            kept,
            detail,
            fieldErrors,
            retryAfter,
            outcomeUnknown)
        .toException(null);
  }

  /** No answer arrived; {@code cause} is the network error or the interruption. */
  static MaiAgentApiException transport(ApiCall call, Exception cause, boolean outcomeUnknown) {
    String reason =
        cause instanceof InterruptedException
            ? "interrupted"
            : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    return new ApiFailure(
            MaiAgentApiException.Kind.TRANSPORT,
            call.label(),
            0,
            "",
            reason,
            Map.of(),
            null,
            outcomeUnknown)
        .toException(cause);
  }

  /** A 2xx answer (or a stream) that cannot be read; {@code reason} says what is wrong. */
  static MaiAgentApiException invalidResponse(
      ApiCall call, int status, String body, String reason, IOException cause) {
    return new ApiFailure(
            MaiAgentApiException.Kind.INVALID_RESPONSE,
            call.label(),
            status,
            cap(body),
            reason,
            Map.of(),
            null,
            false)
        .toException(cause);
  }

  private static String detail(JsonNode json, Map<String, List<String>> fieldErrors, String body) {
    if (json != null && json.isObject()) {
      for (String key : List.of("detail", "error", "message")) {
        JsonNode value = json.get(key);
        if (value != null && value.isString()) {
          return value.stringValue();
        }
      }
    }
    if (!fieldErrors.isEmpty()) {
      List<String> parts = new ArrayList<>();
      fieldErrors.forEach(
          (field, messages) -> parts.add(field + ": " + String.join(" ", messages)));
      return String.join("; ", parts);
    }
    Matcher xml = XML_MESSAGE.matcher(body);
    if (xml.find()) {
      return xml.group(1);
    }
    String oneLine = body.strip().replaceAll("\\s+", " ");
    if (oneLine.isEmpty()) {
      return "(empty body)";
    }
    return oneLine.length() <= SNIPPET_CHARS ? oneLine : oneLine.substring(0, SNIPPET_CHARS) + "…";
  }

  /** DRF field errors: {@code {"field": ["msg"]}}, nested objects flattened with dots. */
  private static Map<String, List<String>> fieldErrors(JsonNode json) {
    if (json == null || !json.isObject() || json.has("detail")) {
      return Map.of();
    }
    Map<String, List<String>> errors = new LinkedHashMap<>();
    collect("", json, errors);
    // Kept in MaiAgent's order, so the detail summary reads as the body does.
    return Collections.unmodifiableMap(errors);
  }

  private static void collect(String prefix, JsonNode node, Map<String, List<String>> errors) {
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String name = prefix + field.getKey();
      JsonNode value = field.getValue();
      if (value.isObject()) {
        collect(name + ".", value, errors);
      } else if (value.isArray()) {
        List<String> messages = new ArrayList<>();
        value.forEach(item -> messages.add(item.isString() ? item.stringValue() : item.toString()));
        errors.put(name, List.copyOf(messages));
      } else if (value.isString()) {
        errors.put(name, List.of(value.stringValue()));
      }
    }
  }

  private static JsonNode parseOrNull(String body) {
    String trimmed = body.strip();
    if (!trimmed.startsWith("{")) {
      return null;
    }
    try {
      return ApiJson.MAPPER.readTree(trimmed);
    } catch (JacksonException e) {
      return null;
    }
  }

  private static String cap(String body) {
    return body.length() <= MAX_BODY_CHARS ? body : body.substring(0, MAX_BODY_CHARS);
  }
}
