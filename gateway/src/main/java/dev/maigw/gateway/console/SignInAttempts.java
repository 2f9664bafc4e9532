package dev.maigw.gateway.console;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Counts wrong keys per client address, so the console's sign-in cannot be used to guess the API
 * key quickly: past {@link ConsoleProperties#maxFailedSignIns} failures in a window, that address
 * is refused until the window ends.
 */
@Component
class SignInAttempts {

  /** Addresses tracked at most; past it the oldest windows are forgotten first. */
  private static final int MAX_TRACKED = 10_000;

  private record Window(Instant startedAt, int failures) {}

  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final ConsoleProperties properties;
  private final Clock clock;

  SignInAttempts(ConsoleProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /** Whether this address has used up its failures for the current window. */
  boolean blocked(String address) {
    Window window = windows.get(address);
    return window != null
        && current(window, clock.instant())
        && window.failures() >= properties.maxFailedSignIns();
  }

  void failed(String address) {
    Instant now = clock.instant();
    if (windows.size() >= MAX_TRACKED) {
      windows.values().removeIf(w -> !current(w, now));
    }
    windows.merge(
        address,
        new Window(now, 1),
        (old, fresh) ->
            current(old, now) ? new Window(old.startedAt(), old.failures() + 1) : fresh);
  }

  void succeeded(String address) {
    windows.remove(address);
  }

  private boolean current(Window window, Instant now) {
    return now.isBefore(window.startedAt().plus(properties.failedSignInWindow()));
  }
}
