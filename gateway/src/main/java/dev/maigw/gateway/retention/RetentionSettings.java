package dev.maigw.gateway.retention;

import dev.maigw.gateway.system.InvalidSettingException;
import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;

/**
 * The checked retentions; null means "keep forever".
 *
 * @param messages stored replies, by the time they were received
 * @param deliveries finished deliveries and their attempts
 * @param sends finished bridge sends
 * @param quarantine quarantined bodies, by the time they last arrived
 */
public record RetentionSettings(
    Duration messages, Duration deliveries, Duration sends, Duration quarantine) {

  /**
   * How long a purged message's id keeps deduplicating beyond its retention: longer than any
   * sender's retry horizon (MaiAgent documents none; common senders stop within three days).
   */
  public static final Duration DEDUPE_MARGIN = Duration.ofDays(7);

  /**
   * Checks every retention of {@code properties}.
   *
   * @throws InvalidSettingException naming the first value that is not a positive duration
   */
  static RetentionSettings of(RetentionProperties properties) {
    if (properties.batchSize() < 1 || properties.batchSize() > 10_000) {
      throw new InvalidSettingException(
          "maigw.retention.batch-size",
          properties.batchSize() + " is not between 1 and 10000",
          "use a few hundred rows, e.g. the default 500");
    }
    if (properties.interval().isNegative()
        || properties.interval().isZero()
        || properties.batchPause().isNegative()) {
      throw new InvalidSettingException(
          "maigw.retention.interval",
          "the interval must be positive and the batch pause not negative",
          "use e.g. interval 1h and batch-pause 20ms");
    }
    return new RetentionSettings(
        parse("MAIGW_RETENTION_MESSAGES", properties.messages()),
        parse("MAIGW_RETENTION_DELIVERIES", properties.deliveries()),
        parse("MAIGW_RETENTION_SENDS", properties.sends()),
        parse("MAIGW_RETENTION_QUARANTINE", properties.quarantine()));
  }

  /** Whether anything is ever purged. */
  public boolean anySet() {
    return messages != null || deliveries != null || sends != null || quarantine != null;
  }

  /** The dedupe window of a purged message: its retention plus {@link #DEDUPE_MARGIN}. */
  public Duration tombstoneWindow() {
    return messages == null ? null : messages.plus(DEDUPE_MARGIN);
  }

  static Duration parse(String variable, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    String fix = "use a positive duration with a unit, e.g. 30d, 72h or 90m, or leave it empty";
    if (text.chars().allMatch(Character::isDigit)) {
      // Spring would read a bare number as milliseconds: a purge of nearly everything.
      throw new InvalidSettingException(variable, "'" + text + "' has no unit", fix);
    }
    Duration duration;
    try {
      duration = DurationStyle.detectAndParse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException(variable, "'" + text + "' is not a duration", fix, e);
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new InvalidSettingException(variable, "'" + text + "' is not positive", fix);
    }
    return duration;
  }
}
