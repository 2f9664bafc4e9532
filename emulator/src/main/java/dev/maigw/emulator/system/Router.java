package dev.maigw.emulator.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps method and path to a handler. Patterns are literal paths with {@code {name}} segments, e.g.
 * {@code /api/v1/conversations/{id}/}; a trailing slash is part of the pattern.
 */
public final class Router {
  private final List<Route> routes = new ArrayList<>();

  /** Registers a route; later registrations never shadow earlier ones. */
  public Router add(String method, String pattern, RouteHandler handler) {
    routes.add(new Route(method, segments(pattern), handler));
    return this;
  }

  /** Resolves a raw request path. */
  public Match match(String method, String path) {
    List<String> requested = segments(path);
    Set<String> allowed = new TreeSet<>();
    for (Route route : routes) {
      Map<String, String> variables = route.bind(requested);
      if (variables == null) {
        continue;
      }
      if (route.method.equals(method)) {
        return new Match.Found(route.handler, variables);
      }
      allowed.add(route.method);
    }
    return allowed.isEmpty() ? new Match.NotFound() : new Match.MethodNotAllowed(allowed);
  }

  /** True when some route (for any method) matches this path. */
  public boolean knows(String path) {
    return !(match("", path) instanceof Match.NotFound);
  }

  private static List<String> segments(String path) {
    // -1 keeps the empty segment after a trailing slash, so "a/" and "a" differ.
    return List.of(path.split("/", -1));
  }

  /** The outcome of {@link #match}. */
  public sealed interface Match {
    /** A route matched. */
    record Found(RouteHandler handler, Map<String, String> variables) implements Match {}

    /** The path exists but not for this method. */
    record MethodNotAllowed(Set<String> allowed) implements Match {}

    /** No route has this path. */
    record NotFound() implements Match {}
  }

  private record Route(String method, List<String> pattern, RouteHandler handler) {
    Map<String, String> bind(List<String> requested) {
      if (requested.size() != pattern.size()) {
        return null;
      }
      Map<String, String> variables = new LinkedHashMap<>();
      for (int i = 0; i < pattern.size(); i++) {
        String expected = pattern.get(i);
        String actual = requested.get(i);
        if (expected.startsWith("{") && expected.endsWith("}")) {
          if (actual.isEmpty()) {
            return null;
          }
          variables.put(expected.substring(1, expected.length() - 1), actual);
        } else if (!expected.equals(actual)) {
          return null;
        }
      }
      return variables;
    }
  }
}
