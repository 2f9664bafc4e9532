package dev.maigw.gateway.retention;

import java.time.Instant;
import java.util.Map;

/**
 * What one purge run did.
 *
 * @param purged rows deleted by kind (label), only kinds that were purged
 * @param batches writes the run took
 * @param error why the run stopped early (the store was unavailable, say), or null; the next run
 *     simply carries on
 */
public record PurgeRun(
    Instant startedAt, Instant finishedAt, Map<String, Long> purged, int batches, String error) {}
