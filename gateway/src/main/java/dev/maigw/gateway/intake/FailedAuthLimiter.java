package dev.maigw.gateway.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts failed webhook authentications per client address in one-minute windows. An address that
 * has failed {@code maigw.rate-limit.failed-auth-per-minute} times in the current window is
 * answered 429 for the rest of it, before its token is even looked at, so tokens cannot be guessed
 * at the speed of the server. Valid senders are never counted: only failures are, and MaiAgent,
 * which always presents its token, fails only when misconfigured.
 */
@Component
class FailedAuthLimiter {

  private static final Duration WINDOW = Duration.ofMinutes(1);

  /** Beyond this many tracked addresses, windows that have ended are dropped first. */
  private static final int MAX_TRACKED = 10_000;

  private final Clock clock;
  private final int perMinute;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  /**
   * @param perMinute {@code maigw.rate-limit.failed-auth-per-minute} ({@code
   *     MAIGW_RATE_LIMIT_FAILED_AUTH}), default 10; 0 turns the limit off. Sources in {@code
   *     maigw.webhook.allowed-sources} are never limited.
   */
  FailedAuthLimiter(
      Clock clock, @Value("${maigw.rate-limit.failed-auth-per-minute:10}") int perMinute) {
    this.clock = clock;
    this.perMinute = perMinute;
  }

  boolean enabled() {
    return perMinute > 0;
  }

  /** Whether {@code address} has used up its failures for the current window. */
  boolean isLimited(String address) {
    Window window = windows.get(address);
    return window != null && window.isCurrent(now()) && window.failures >= perMinute;
  }

  void recordFailure(String address) {
    long now = now();
    if (windows.size() >= MAX_TRACKED) {
      windows.values().removeIf(w -> !w.isCurrent(now));
    }
    windows.compute(
        address,
        (key, window) ->
            window == null || !window.isCurrent(now)
                ? new Window(now, 1)
                : new Window(window.startMillis, window.failures + 1));
  }

  private long now() {
    return clock.millis();
  }

  private record Window(long startMillis, int failures) {
    boolean isCurrent(long nowMillis) {
      return nowMillis >= startMillis && nowMillis - startMillis < WINDOW.toMillis();
    }
  }
}
