package dev.maigw.gateway.quarantine;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The quarantine's alert gauges, at {@code /actuator/prometheus}: {@code
 * maigw_quarantine_fill_ratio} (the larger share of its row or byte cap, 0 to 1) and {@code
 * maigw_quarantine_near_full} (1 from {@value QuarantineStore#NEAR_FULL} of a cap on, else 0), so
 * an alert fires before bodies are refused with 503.
 */
@Component
class QuarantineGauges {

  QuarantineGauges(MeterRegistry registry, QuarantineStore quarantine) {
    Gauge.builder("maigw.quarantine.fill.ratio", quarantine, q -> q.fill().ratio())
        .description("Share of the quarantine's row or byte cap in use, whichever is larger")
        .register(registry);
    Gauge.builder("maigw.quarantine.near.full", quarantine, q -> q.fill().nearFull() ? 1 : 0)
        .description("1 while the quarantine is at 80 % of a cap or more")
        .register(registry);
  }
}
