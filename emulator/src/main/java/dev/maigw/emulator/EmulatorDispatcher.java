package dev.maigw.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.maigw.emulator.attachment.StorageController;
import dev.maigw.emulator.control.ControlController;
import dev.maigw.emulator.system.HttpProblemException;
import dev.maigw.emulator.system.Json;
import dev.maigw.emulator.system.Request;
import dev.maigw.emulator.system.RequestLog;
import dev.maigw.emulator.system.Response;
import dev.maigw.emulator.system.Router;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one HTTP entry point: refuses non-loopback clients, reads the request, sends it to the API,
 * the fake storage or the control API, records API and storage calls, and is the one place that
 * turns exceptions into responses.
 */
final class EmulatorDispatcher implements HttpHandler {
  private static final Logger LOG = Logger.getLogger(EmulatorDispatcher.class.getName());
  private static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

  private final String origin;
  private final ApiDispatcher api;
  private final StorageController storage;
  private final Router control;
  private final RequestLog requestLog;

  EmulatorDispatcher(
      String origin,
      ApiDispatcher api,
      StorageController storage,
      Router control,
      RequestLog requestLog) {
    this.origin = origin;
    this.api = api;
    this.storage = storage;
    this.control = control;
    this.requestLog = requestLog;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
        Response.json(403, Json.object().put("detail", "Loopback clients only.")).writeTo(exchange);
        return;
      }
      Request request = read(exchange);
      if (request == null) {
        Response.json(413, Json.object().put("detail", "Request body over 64 MiB."))
            .writeTo(exchange);
        return;
      }
      boolean isControl = request.path().startsWith(ControlController.PREFIX);
      Response response = answer(request, isControl);
      if (!isControl) {
        requestLog.record(request, response.status());
      }
      response.writeTo(exchange);
    } catch (IOException | RuntimeException e) {
      // The server thread's boundary: typically a client that hung up mid-response.
      LOG.log(Level.FINE, "Exchange failed: " + exchange.getRequestURI(), e);
    } finally {
      exchange.close();
    }
  }

  private Response answer(Request request, boolean isControl) {
    String path = request.path();
    try {
      if (isControl) {
        return control(request);
      }
      if (path.startsWith(ApiDispatcher.PREFIX)) {
        return api.handle(request);
      }
      if (path.startsWith("/storage/")) {
        return storage.handle(request);
      }
      return Response.json(
          404,
          Json.object()
              .put("detail", "Not found.")
              .put("path", path)
              .put(
                  "hint", "The MaiAgent API is under /api/v1/, the control API under /_emulator/"));
    } catch (HttpProblemException e) {
      return e.toResponse();
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.SEVERE, "Failed to answer " + request.method() + " " + path, e);
      return Response.json(500, Json.object().put("detail", "A server error occurred."));
    }
  }

  private Response control(Request request) throws IOException {
    String path = ControlController.normalize(request.path());
    Router.Match match = control.match(request.method(), path);
    if (match instanceof Router.Match.Found found) {
      return found.handler().handle(request);
    }
    int status = match instanceof Router.Match.MethodNotAllowed ? 405 : 404;
    return Response.json(
        status,
        Json.object()
            .put("code", status == 405 ? "method_not_allowed" : "not_found")
            .put("detail", "No control endpoint " + request.method() + " " + request.path())
            .put("index", origin + ControlController.PREFIX),
        Map.of());
  }

  /** The fully read request, or null when its body is over the limit. */
  private Request read(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      return null;
    }
    return new Request(
        exchange.getRequestMethod(),
        exchange.getRequestURI(),
        exchange.getRequestHeaders(),
        body,
        origin,
        Map.of());
  }
}
