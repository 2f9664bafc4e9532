package dev.maigw.gateway.intake;

import dev.maigw.gateway.quarantine.QuarantineStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Intake metrics, exported at {@code /actuator/prometheus}: {@code maigw_webhooks_total{outcome}},
 * {@code maigw_intake_latency_seconds} (histogram), {@code maigw_dedupe_conflict_total} and {@code
 * maigw_quarantine_bodies}.
 */
@Component
class IntakeMetrics {

  private final MeterRegistry registry;
  private final Map<String, Counter> byOutcome = new ConcurrentHashMap<>();
  private final Timer latency;
  private final Counter conflicts;

  IntakeMetrics(MeterRegistry registry, QuarantineStore quarantine) {
    this.registry = registry;
    this.latency =
        Timer.builder("maigw.intake.latency")
            .description("Time from request to answer on the webhook endpoint")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(10))
            .register(registry);
    this.conflicts =
        Counter.builder("maigw.dedupe.conflict")
            .description("Webhooks whose id was stored before with a different body")
            .register(registry);
    Gauge.builder("maigw.quarantine.bodies", quarantine, QuarantineStore::count)
        .description("Bodies kept in quarantine")
        .register(registry);
  }

  void record(String outcome, long elapsedNanos) {
    byOutcome
        .computeIfAbsent(
            outcome,
            o ->
                Counter.builder("maigw.webhooks")
                    .description("Webhooks received, by outcome")
                    .tag("outcome", o)
                    .register(registry))
        .increment();
    if ("conflict".equals(outcome)) {
      conflicts.increment();
    }
    latency.record(Duration.ofNanos(elapsedNanos));
  }
}
