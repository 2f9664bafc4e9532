package dev.maigw.emulator.system;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Ends request handling with a given status and JSON body. Thrown by handlers for the client errors
 * MaiAgent would answer (400, 404, ...); the dispatcher turns it into the response.
 */
public class HttpProblemException extends EmulatorException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient JsonNode body;
  private final Map<String, String> headers;

  public HttpProblemException(int status, JsonNode body) {
    this(status, body, Map.of());
  }

  public HttpProblemException(int status, JsonNode body, Map<String, String> headers) {
    super("HTTP " + status + ": " + body);
    this.status = status;
    this.body = body;
    this.headers = Map.copyOf(headers);
  }

  /** A DRF-style {@code {"detail": ...}} error. */
  public static HttpProblemException detail(int status, String detail) {
    return new HttpProblemException(status, Json.object().put("detail", detail));
  }

  /** MaiAgent's (DRF's) 404 for an unknown object: {@code {"detail": "Not found."}}. */
  public static HttpProblemException notFound() {
    return detail(404, "Not found.");
  }

  public int status() {
    return status;
  }

  public JsonNode body() {
    return body;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public Response toResponse() {
    return Response.json(status, body, headers);
  }
}
