package dev.maigw.gateway.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When the next attempt of a delivery is due: the schedule's wait for that attempt, randomised by
 * the jitter, or the target's {@code Retry-After} when it sent one. Empty when the schedule is
 * exhausted and the delivery is dead.
 */
/** {@code random} must be safe to share between threads ({@link java.util.Random} is). */
record RetrySchedule(List<Duration> waits, double jitter, RandomGenerator random) {

  /** The longest {@code Retry-After} honoured; a larger one is capped. */
  static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

  /**
   * @param failedAttempts attempts made so far, all failed (1 after the first)
   */
  Optional<Instant> nextAttempt(int failedAttempts, Instant now, Duration retryAfter) {
    if (failedAttempts >= waits.size()) {
      return Optional.empty();
    }
    if (retryAfter != null) {
      Duration capped = retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
      return Optional.of(now.plus(capped));
    }
    Duration wait = waits.get(failedAttempts);
    double factor = 1 + jitter * (2 * random.nextDouble() - 1);
    return Optional.of(now.plusMillis(Math.round(wait.toMillis() * factor)));
  }
}
