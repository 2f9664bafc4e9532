package dev.maigw.gateway.delivery;

import dev.maigw.gateway.system.Loops;
import dev.maigw.gateway.system.MetricsProperties;
import dev.maigw.gateway.system.PollingLoop;
import dev.maigw.gateway.system.WakeUps;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Forwarding metrics, exported at {@code /actuator/prometheus}: {@code
 * maigw_delivery_attempts_total{target,outcome}} (outcome {@code delivered}, {@code retry}, {@code
 * dead} or {@code gone}), {@code maigw_delivery_lag_seconds} (histogram: the delivery recorded with
 * its message → delivered, replays included), and the gauges {@code
 * maigw_deliveries_pending{target}} and {@code maigw_deliveries_dead{target}}. The gauges are
 * recomputed by one grouped query every {@code maigw.metrics.gauge-refresh} on a background thread,
 * so scrapes never query the store.
 */
@Component
class DeliveryMetrics implements SmartLifecycle {

  static final String DELIVERED = "delivered";
  static final String RETRY = "retry";
  static final String DEAD = "dead";
  static final String GONE = "gone";

  private final MeterRegistry registry;
  private final DeliveryStore deliveries;
  private final EnabledTargets targets;
  private final Map<List<String>, Counter> attempts = new ConcurrentHashMap<>();
  private final Timer lag;
  private final Map<String, List<Meter>> gauges = new ConcurrentHashMap<>();
  private volatile Map<String, long[]> counts = Map.of();
  private final PollingLoop refresher;

  DeliveryMetrics(
      MeterRegistry registry,
      DeliveryStore deliveries,
      EnabledTargets targets,
      MetricsProperties properties,
      Loops loops) {
    this.registry = registry;
    this.deliveries = deliveries;
    this.targets = targets;
    this.lag =
        Timer.builder("maigw.delivery.lag")
            .description("Time from a reply's delivery being recorded with it to its delivery")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofDays(3))
            .register(registry);
    this.refresher =
        new PollingLoop(
            "delivery-gauges", new WakeUps(), properties.gaugeRefresh(), this::refresh, loops);
  }

  /** Counts one attempt at {@code targetId} and, when it delivered, its lag. */
  void attempted(Delivery delivery, String outcome, Instant now) {
    attempts
        .computeIfAbsent(
            List.of(delivery.targetId(), outcome),
            key ->
                Counter.builder("maigw.delivery.attempts")
                    .description("Delivery attempts, by target and outcome")
                    .tag("target", key.get(0))
                    .tag("outcome", key.get(1))
                    .register(registry))
        .increment();
    if (DELIVERED.equals(outcome)) {
      Duration waited = Duration.between(delivery.createdAt(), now);
      // Another instance's clock may be a little ahead; a negative lag means none.
      lag.record(waited.isNegative() ? Duration.ZERO : waited);
    }
  }

  /**
   * Recomputes the per-target gauges: one query; enabled targets with none show 0. Each target's
   * gauges are registered once and read the latest counts, so a scrape never sees one missing.
   */
  void refresh() {
    Map<String, long[]> fresh = new HashMap<>();
    targets.all().forEach(t -> fresh.put(t.id(), new long[2]));
    fresh.putAll(deliveries.pendingAndDeadByTarget());
    counts = fresh;
    for (String target : fresh.keySet()) {
      gauges.computeIfAbsent(target, this::register);
    }
    for (Map.Entry<String, List<Meter>> known : gauges.entrySet()) {
      if (!fresh.containsKey(known.getKey())) {
        known.getValue().forEach(registry::remove);
        gauges.remove(known.getKey());
      }
    }
  }

  private List<Meter> register(String target) {
    return List.of(
        Gauge.builder("maigw.deliveries.pending", () -> count(target, 0))
            .description("Deliveries waiting to be sent, per target")
            .tag("target", target)
            .register(registry),
        Gauge.builder("maigw.deliveries.dead", () -> count(target, 1))
            .description("Deliveries whose retries ran out, per target (replayable)")
            .tag("target", target)
            .register(registry));
  }

  private long count(String target, int which) {
    long[] both = counts.get(target);
    return both == null ? 0 : both[which];
  }

  @Override
  public void start() {
    refresher.start();
  }

  @Override
  public void stop() {
    refresher.stop();
  }

  @Override
  public boolean isRunning() {
    return refresher.isRunning();
  }
}
