package dev.maigw.gateway.system;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link ProblemDetail} as RFC 9457 JSON where Spring MVC's message converters are not
 * involved (servlets, filters): members first, extension properties at the top level.
 */
public final class ProblemJson {

  private ProblemJson() {}

  public static byte[] bytes(JsonMapper json, ProblemDetail problem) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.getType() == null ? "about:blank" : problem.getType().toString());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    if (problem.getInstance() != null) {
      body.put("instance", problem.getInstance().toString());
    }
    if (problem.getProperties() != null) {
      body.putAll(problem.getProperties());
    }
    return json.writeValueAsBytes(body);
  }
}
