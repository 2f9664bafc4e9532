package dev.maigw.gateway.retention;

import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/retention}: the retentions in force (ISO-8601 durations, null = kept forever),
 * when the next purge runs, what the last one deleted, and how many purged ids still deduplicate.
 */
@RestController
class RetentionController {

  private final RetentionSettings settings;
  private final RetentionProperties properties;
  private final RetentionSchedule schedule;
  private final RetentionPurger purger;
  private final JdbcClient reader;

  RetentionController(
      RetentionSettings settings,
      RetentionProperties properties,
      RetentionSchedule schedule,
      RetentionPurger purger,
      JdbcClient reader) {
    this.settings = settings;
    this.properties = properties;
    this.schedule = schedule;
    this.purger = purger;
    this.reader = reader;
  }

  /**
   * The retention status.
   *
   * @param tombstoneWindow how long a purged message's id keeps answering "duplicate", counted from
   *     when it was first received
   */
  record RetentionView(
      String messages,
      String deliveries,
      String sends,
      String quarantine,
      String tombstoneWindow,
      String interval,
      int batchSize,
      Instant nextRunAt,
      PurgeRun lastRun,
      long tombstones) {}

  @GetMapping("/api/retention")
  RetentionView status() {
    long tombstones =
        reader.sql("SELECT COUNT(*) FROM message_tombstones").query(Long.class).single();
    return new RetentionView(
        iso(settings.messages()),
        iso(settings.deliveries()),
        iso(settings.sends()),
        iso(settings.quarantine()),
        iso(settings.tombstoneWindow()),
        iso(properties.interval()),
        properties.batchSize(),
        schedule.nextRun(),
        purger.lastRun(),
        tombstones);
  }

  private static String iso(Duration duration) {
    return duration == null ? null : duration.toString();
  }
}
