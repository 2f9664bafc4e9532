package dev.maigw.emulator.fault;

import dev.maigw.emulator.system.Response;
import java.util.Map;
import java.util.Optional;

/** Holds the current {@link ApiErrorPlan} and spends it on matching API calls, one per call. */
public final class ApiErrorInjector {
  private ApiErrorPlan plan = ApiErrorPlan.of(500, 0);

  /** Replaces the current plan (a count of 0 switches injection off). */
  public synchronized void plan(ApiErrorPlan next) {
    plan = next;
  }

  /** The current plan; {@code count} is what is left of it. */
  public synchronized ApiErrorPlan current() {
    return plan;
  }

  public synchronized void clear() {
    plan = ApiErrorPlan.of(500, 0);
  }

  /**
   * The injected error for this call, if the plan covers its path; each answer uses up one.
   * Injected 401s carry {@code WWW-Authenticate}, 429s and 503s {@code Retry-After: 1}.
   */
  public Optional<Response> take(String requestPath) {
    ApiErrorPlan used;
    synchronized (this) {
      if (!plan.appliesTo(requestPath)) {
        return Optional.empty();
      }
      used = plan;
      plan = plan.consumeOne();
    }
    Map<String, String> headers =
        switch (used.status()) {
          case 401 -> Map.of("WWW-Authenticate", "Api-Key");
          case 429, 503 -> Map.of("Retry-After", "1");
          default -> Map.of();
        };
    return Optional.of(Response.json(used.status(), used.effectiveBody(), headers));
  }
}
