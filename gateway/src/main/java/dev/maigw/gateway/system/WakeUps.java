package dev.maigw.gateway.system;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * "Look again now": raised by whoever made new work, awaited by a polling loop that would otherwise
 * only look at its next poll. Signals raised while the loop is busy collapse into one.
 */
public class WakeUps {

  private final Semaphore permits = new Semaphore(0);

  public void signal() {
    permits.release();
  }

  /** Waits for a signal or {@code timeout}, then forgets any further pending signals. */
  public void await(Duration timeout) throws InterruptedException {
    permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
    permits.drainPermits();
  }
}
