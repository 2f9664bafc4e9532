package dev.maigw.gateway.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long each kind of row is kept; empty (the default) keeps it forever. The four retentions are
 * bound as text and checked by {@link RetentionSettings}, so that a mistake ends the start with one
 * sentence naming the variable.
 *
 * @param messages {@code maigw.retention.messages} ({@code MAIGW_RETENTION_MESSAGES}), e.g. {@code
 *     30d}: stored replies (raw bodies) by the time they were received. A purged message leaves a
 *     tombstone of its id, kept for this retention plus seven days, so a retry is still a duplicate
 * @param deliveries {@code maigw.retention.deliveries} ({@code MAIGW_RETENTION_DELIVERIES}):
 *     delivered, dead and cancelled deliveries with their attempts; pending ones are never purged
 * @param sends {@code maigw.retention.sends} ({@code MAIGW_RETENTION_SENDS}): replied and failed
 *     bridge sends by their last change
 * @param quarantine {@code maigw.retention.quarantine} ({@code MAIGW_RETENTION_QUARANTINE}):
 *     quarantined bodies by the last time they arrived
 * @param interval {@code maigw.retention.interval}, default 1h: time between purge runs
 * @param firstRunAfter {@code maigw.retention.first-run-after}, default 1m: time from the start to
 *     the first run
 * @param batchSize {@code maigw.retention.batch-size}, default 500: rows deleted per write (a
 *     delivery's attempts and a message's finished deliveries go with it)
 * @param batchPause {@code maigw.retention.batch-pause}, default 20ms: pause between two batches,
 *     so that webhooks get the writer to themselves in between
 */
@ConfigurationProperties("maigw.retention")
public record RetentionProperties(
    @DefaultValue("") String messages,
    @DefaultValue("") String deliveries,
    @DefaultValue("") String sends,
    @DefaultValue("") String quarantine,
    @DefaultValue("1h") Duration interval,
    @DefaultValue("1m") Duration firstRunAfter,
    @DefaultValue("500") int batchSize,
    @DefaultValue("20ms") Duration batchPause) {}
