package dev.maigw.gateway.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The metrics endpoint, {@code /actuator/prometheus}.
 *
 * @param token {@code MAIGW_METRICS_TOKEN} ({@code maigw.metrics.token}): a bearer token that opens
 *     the metrics endpoint only, for a scraper that should not hold the API key; default none (the
 *     API key only). Never logged.
 * @param gaugeRefresh {@code maigw.metrics.gauge-refresh}, default 5s: how often gauges that count
 *     rows in the store (pending and dead deliveries per target) are recomputed, by one query on a
 *     background thread; a scrape only reads the last result
 */
@ConfigurationProperties("maigw.metrics")
public record MetricsProperties(String token, @DefaultValue("5s") Duration gaugeRefresh) {}
