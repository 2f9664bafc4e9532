package dev.maigw.emulator.fault;

import dev.maigw.emulator.system.Json;
import tools.jackson.databind.JsonNode;

/**
 * "Answer the next {@code count} API calls with {@code status}", optionally only for calls whose
 * path starts with {@code path}.
 *
 * @param status an HTTP error status, 400 to 599
 * @param count how many calls still get the error
 * @param path null for every API path; else a prefix, absolute ({@code /api/v1/messages/}) or
 *     relative to the API base ({@code messages/})
 * @param body the JSON body to answer, or null for MaiAgent-like default wording
 */
public record ApiErrorPlan(int status, int count, String path, JsonNode body) {
  private static final String API_PREFIX = "/api/v1/";

  public ApiErrorPlan {
    if (status < 400 || status > 599) {
      throw new InvalidFaultException("Fault apiError.status must be 400 to 599: " + status);
    }
    if (count < 0) {
      throw new InvalidFaultException("Fault apiError.count must be zero or more: " + count);
    }
    if (path != null && path.isBlank()) {
      path = null;
    } else if (path != null && !path.startsWith("/")) {
      path = API_PREFIX + path;
    }
  }

  public static ApiErrorPlan of(int status, int count) {
    return new ApiErrorPlan(status, count, null, null);
  }

  public ApiErrorPlan forPath(String pathPrefix) {
    return new ApiErrorPlan(status, count, pathPrefix, body);
  }

  public ApiErrorPlan withBody(JsonNode errorBody) {
    return new ApiErrorPlan(status, count, path, errorBody);
  }

  boolean appliesTo(String requestPath) {
    return count > 0 && (path == null || requestPath.startsWith(path));
  }

  ApiErrorPlan consumeOne() {
    return new ApiErrorPlan(status, count - 1, path, body);
  }

  /** The body to answer: the configured one, or what MaiAgent (DRF) says for this status. */
  public JsonNode effectiveBody() {
    if (body != null) {
      return body;
    }
    String detail =
        switch (status) {
          case 401 -> "Authentication credentials were not provided.";
          case 403 -> "You do not have permission to perform this action.";
          case 404 -> "Not found.";
          case 429 -> "Request was throttled. Expected available in 1 second.";
          case 500 -> "A server error occurred.";
          case 502 -> "Bad gateway.";
          case 503 -> "Service temporarily unavailable, try again later.";
          default -> "Injected error " + status + ".";
        };
    return Json.object().put("detail", detail);
  }
}
