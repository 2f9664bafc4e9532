package dev.maigw.sdk.client;

import java.net.URI;
import tools.jackson.databind.JsonNode;

/**
 * One HTTP call to make, with what the transport needs to know about it.
 *
 * @param label method and path relative to the base URL, for messages ({@code POST messages/})
 * @param body the request body, or null for none
 * @param contentType the body's type, or null for none
 * @param accept the {@code Accept} header
 * @param authorized whether to send {@code Authorization: Api-Key ...} (false only for storage)
 * @param idempotent whether repeating the call cannot create anything twice; decides retries
 */
record ApiCall(
    String method,
    URI uri,
    String label,
    byte[] body,
    String contentType,
    String accept,
    boolean authorized,
    boolean idempotent) {

  static final String JSON = "application/json";
  static final String EVENT_STREAM = "text/event-stream";

  /** An authorised GET of {@code path?query} under the base URL; {@code query} may be null. */
  static ApiCall get(URI baseUrl, String path, String rawQuery) {
    String target = rawQuery == null || rawQuery.isEmpty() ? path : path + "?" + rawQuery;
    return new ApiCall("GET", baseUrl.resolve(target), "GET " + path, null, null, JSON, true, true);
  }

  /** An authorised JSON POST under the base URL; not idempotent. */
  static ApiCall post(URI baseUrl, String path, JsonNode body) {
    return new ApiCall(
        "POST",
        baseUrl.resolve(path),
        "POST " + path,
        ApiJson.bytes(body),
        JSON,
        JSON,
        true,
        false);
  }

  /** The presigned storage POST: no Authorization header; repeatable (same key, same bytes). */
  static ApiCall storageUpload(URI url, byte[] body, String contentType) {
    return new ApiCall(
        "POST", url, "POST storage " + url.getHost(), body, contentType, "*/*", false, true);
  }

  /** The same call, marked safe to repeat. */
  ApiCall asIdempotent() {
    return new ApiCall(method, uri, label, body, contentType, accept, authorized, true);
  }

  /** The same call with another {@code Accept}. */
  ApiCall accepting(String type) {
    return new ApiCall(method, uri, label, body, contentType, type, authorized, idempotent);
  }
}
