package dev.maigw.emulator;

import dev.maigw.emulator.access.ApiKeyAuthenticator;
import dev.maigw.emulator.access.SlashlessMode;
import dev.maigw.emulator.fault.ApiErrorInjector;
import dev.maigw.emulator.system.Json;
import dev.maigw.emulator.system.Request;
import dev.maigw.emulator.system.Response;
import dev.maigw.emulator.system.Router;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one {@code /api/v1/} call in the order a Django/DRF server would: injected errors first,
 * then URL resolution (404, slashless 404/301), then authentication (401), then method (405), then
 * the handler.
 */
final class ApiDispatcher {
  static final String PREFIX = "/api/v1/";

  private final Router routes;
  private final ApiKeyAuthenticator authenticator;
  private final SlashlessMode slashless;
  private final ApiErrorInjector injectedErrors;

  ApiDispatcher(
      Router routes,
      ApiKeyAuthenticator authenticator,
      SlashlessMode slashless,
      ApiErrorInjector injectedErrors) {
    this.routes = routes;
    this.authenticator = authenticator;
    this.slashless = slashless;
    this.injectedErrors = injectedErrors;
  }

  Response handle(Request request) throws IOException {
    String path = request.path();
    Optional<Response> injected = injectedErrors.take(path);
    if (injected.isPresent()) {
      return injected.get();
    }
    Router.Match match = routes.match(request.method(), path);
    if (match instanceof Router.Match.NotFound) {
      if (!path.endsWith("/") && routes.knows(path + "/")) {
        return slashless.answer(path, request.uri().getRawQuery());
      }
      return Response.json(
          404,
          Json.object()
              .put("detail", "Not found.")
              .put("path", path)
              .put("hint", "No MaiAgent API endpoint " + request.method() + " " + path));
    }
    authenticator.authenticate(request.header("Authorization"));
    if (match instanceof Router.Match.MethodNotAllowed notAllowed) {
      return Response.json(
          405,
          Json.object()
              .put("detail", "Method \"" + request.method() + "\" not allowed.")
              .put("path", path),
          Map.of("Allow", String.join(", ", notAllowed.allowed())));
    }
    Router.Match.Found found = (Router.Match.Found) match;
    return found.handler().handle(request.withPathVariables(found.variables()));
  }
}
