package dev.maigw.sdk.client;

import java.time.Duration;

/**
 * Waits between retries. The default sleeps the calling thread; tests pass one that records the
 * waits and returns at once.
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Waits for {@code duration}.
   *
   * @throws InterruptedException if the thread is interrupted while waiting; the call then fails
   *     with a transport error and the interrupt flag is restored
   */
  void sleep(Duration duration) throws InterruptedException;

  /** Sleeps the calling thread. */
  static Sleeper threadSleep() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
