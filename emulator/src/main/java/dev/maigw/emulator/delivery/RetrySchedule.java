package dev.maigw.emulator.delivery;

import dev.maigw.emulator.system.ConfigurationException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * When to retry a failed webhook: after attempt {@code n} fails, wait {@code delays[n-1]}; after
 * the last delay's attempt fails, give up. MaiAgent's real schedule is undocumented.
 */
public record RetrySchedule(List<Duration> delays) {

  public RetrySchedule {
    delays = List.copyOf(delays);
    if (delays.stream().anyMatch(Duration::isNegative)) {
      throw new ConfigurationException("Retry delays must be zero or more: " + delays);
    }
  }

  /**
   * Parses comma-separated milliseconds, e.g. {@code "1000,5000,30000"}; blank means no retries.
   *
   * @throws ConfigurationException for anything else
   */
  public static RetrySchedule parseMillis(String csv) {
    if (csv == null || csv.isBlank()) {
      return new RetrySchedule(List.of());
    }
    try {
      return new RetrySchedule(
          Arrays.stream(csv.split(","))
              .map(String::trim)
              .map(Long::parseLong)
              .map(Duration::ofMillis)
              .toList());
    } catch (NumberFormatException e) {
      throw new ConfigurationException(
          "MAIAGENT_EMULATOR_RETRY_DELAYS_MS must be comma-separated milliseconds: " + csv);
    }
  }

  /** Attempts in total, the first included. */
  public int maxAttempts() {
    return delays.size() + 1;
  }

  /** The wait after failed attempt {@code attempt} (1-based), or empty when it was the last. */
  public Optional<Duration> delayAfter(int attempt) {
    return attempt <= delays.size() ? Optional.of(delays.get(attempt - 1)) : Optional.empty();
  }
}
