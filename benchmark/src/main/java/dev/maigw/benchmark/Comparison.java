package dev.maigw.benchmark;

import java.util.List;
import java.util.Optional;

/**
 * The durable and no-op closed-loop results at the same concurrency: 64 if it was run, else the
 * highest concurrency both endpoints were run at.
 *
 * @param concurrency the shared concurrency
 * @param durable the durable endpoint's result
 * @param noop the no-op endpoint's result
 */
record Comparison(int concurrency, ScenarioResult durable, ScenarioResult noop) {

  static final int TARGET_CONCURRENCY = 64;

  /** The durable endpoint's throughput as a fraction of the no-op endpoint's. */
  double throughputRatio() {
    return noop.requestsPerSecond() == 0
        ? Double.NaN
        : durable.requestsPerSecond() / noop.requestsPerSecond();
  }

  static Optional<Comparison> of(List<ScenarioResult> results) {
    Optional<Comparison> best = Optional.empty();
    for (ScenarioResult durable : results) {
      if (durable.scenario().endpoint() != Scenario.Endpoint.DURABLE
          || !(durable.scenario().load() instanceof Load.ClosedLoop closed)) {
        continue;
      }
      Optional<ScenarioResult> noop = closedLoop(results, Scenario.Endpoint.NOOP, closed);
      if (noop.isEmpty()) {
        continue;
      }
      Comparison candidate = new Comparison(closed.connections(), durable, noop.get());
      if (best.isEmpty() || ranksAbove(candidate.concurrency(), best.get().concurrency())) {
        best = Optional.of(candidate);
      }
    }
    return best;
  }

  /** Closed-loop durable result at {@code concurrency}, if run. */
  static Optional<ScenarioResult> durableAt(List<ScenarioResult> results, int concurrency) {
    return closedLoop(results, Scenario.Endpoint.DURABLE, new Load.ClosedLoop(concurrency));
  }

  private static Optional<ScenarioResult> closedLoop(
      List<ScenarioResult> results, Scenario.Endpoint endpoint, Load.ClosedLoop load) {
    return results.stream()
        .filter(r -> r.scenario().endpoint() == endpoint && r.scenario().load().equals(load))
        .findFirst();
  }

  private static boolean ranksAbove(int concurrency, int other) {
    if (other == TARGET_CONCURRENCY) {
      return false;
    }
    return concurrency == TARGET_CONCURRENCY || concurrency > other;
  }
}
