package dev.maigw.emulator.system;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What a handler answers; written to the exchange by the dispatcher. */
public sealed interface Response {

  int status();

  Map<String, String> headers();

  /** Writes status, headers and body; the caller closes the exchange. */
  void writeTo(HttpExchange exchange) throws IOException;

  static Response json(int status, JsonNode body) {
    return json(status, body, Map.of());
  }

  static Response json(int status, JsonNode body, Map<String, String> headers) {
    return new Bytes(status, "application/json", Json.bytes(body), headers);
  }

  static Response empty(int status, Map<String, String> headers) {
    return new Bytes(status, null, new byte[0], headers);
  }

  static Response bytes(int status, String contentType, byte[] body) {
    return new Bytes(status, contentType, body, Map.of());
  }

  /** A response whose body is written incrementally (server-sent events). */
  static Response stream(int status, String contentType, StreamBody body) {
    return new Streamed(status, contentType, body);
  }

  /** Writes an incremental body; each {@code flush} reaches the client immediately. */
  @FunctionalInterface
  interface StreamBody {
    void write(OutputStream out) throws IOException;
  }

  /** A complete body known up front. */
  record Bytes(int status, String contentType, byte[] body, Map<String, String> headers)
      implements Response {
    @Override
    public void writeTo(HttpExchange exchange) throws IOException {
      headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      if (contentType != null) {
        exchange.getResponseHeaders().set("Content-Type", contentType);
      }
      boolean noBody = body.length == 0 || status == 204 || status == 304;
      exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
      if (!noBody) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  /** A chunked body produced by {@link StreamBody}. */
  record Streamed(int status, String contentType, StreamBody body) implements Response {
    @Override
    public Map<String, String> headers() {
      return Map.of("Content-Type", contentType, "Cache-Control", "no-cache");
    }

    @Override
    public void writeTo(HttpExchange exchange) throws IOException {
      headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      exchange.sendResponseHeaders(status, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        body.write(out);
      }
    }
  }
}
