package dev.maigw.benchmark;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The measured phase of one scenario.
 *
 * @param scenario what ran
 * @param requests requests intended in the measured phase
 * @param non200 of those, responses with a status other than 200
 * @param ioErrors of those, requests that got no response (refused, reset, timed out)
 * @param reconnects connections opened beyond one per connection, e.g. after {@code Connection:
 *     close}
 * @param requestsPerSecond {@code requests} divided by the measured duration
 * @param latencyMicros latencies of the measured requests that got a response
 * @param maxRssKilobytes the gateway's largest resident set seen during the scenario, or -1 if not
 *     sampled
 * @param logs per connection, what was sent and acknowledged (warm-up included)
 * @param firstError the first failure's message, or null
 */
record ScenarioResult(
    Scenario scenario,
    long requests,
    long non200,
    long ioErrors,
    long reconnects,
    double requestsPerSecond,
    Histogram latencyMicros,
    long maxRssKilobytes,
    List<ConnectionLog> logs,
    String firstError) {

  /** The latency at {@code percentile} in milliseconds, or NaN if nothing was measured. */
  double latencyMillis(double percentile) {
    if (latencyMicros.getTotalCount() == 0) {
      return Double.NaN;
    }
    return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
  }

  double maxLatencyMillis() {
    return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getMaxValue() / 1000.0;
  }

  long acknowledged() {
    return logs.stream().mapToLong(log -> log.acknowledged().cardinality()).sum();
  }
}
