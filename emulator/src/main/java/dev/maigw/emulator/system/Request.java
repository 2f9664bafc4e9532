package dev.maigw.emulator.system;

import com.sun.net.httpserver.Headers;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One received HTTP request, fully read.
 *
 * @param origin the emulator's own {@code http://host:port}, for absolute URLs in answers (never
 *     taken from the Host header, so answers cannot point off this machine)
 * @param pathVariables values of {@code {name}} segments of the matched route
 */
public record Request(
    String method,
    URI uri,
    Headers headers,
    byte[] body,
    String origin,
    Map<String, String> pathVariables) {

  public String path() {
    return uri.getRawPath();
  }

  public String header(String name) {
    return headers.getFirst(name);
  }

  public String pathVariable(String name) {
    return pathVariables.get(name);
  }

  public Request withPathVariables(Map<String, String> variables) {
    return new Request(method, uri, headers, body, origin, Map.copyOf(variables));
  }

  /** The first value of a query parameter, or null. */
  public String query(String name) {
    List<String> values = queryParameters().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public Map<String, List<String>> queryParameters() {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return parameters;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    }
    return parameters;
  }

  public boolean isMultipart() {
    String type = header("Content-Type");
    return type != null && type.toLowerCase().startsWith("multipart/form-data");
  }

  /** The body as JSON; an empty body reads as {@code {}}. */
  public JsonNode json() {
    return Json.parse(body);
  }

  /**
   * The body as a JSON object.
   *
   * @throws HttpProblemException 400 (DRF's wording) when the body is JSON but not an object
   */
  public JsonNode jsonObject() {
    JsonNode node = json();
    if (!node.isObject()) {
      throw new HttpProblemException(
          400,
          Json.object()
              .set(
                  "non_field_errors",
                  Json.array()
                      .add(
                          "Invalid data. Expected a dictionary, but got "
                              + node.getNodeType().name().toLowerCase()
                              + ".")));
    }
    return node;
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
