package dev.maigw.gateway.delivery;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * "There may be deliveries due now": raised after deliveries are committed or replayed, awaited by
 * the worker. Separate from the worker so the recorder (inside the message store's commit) does not
 * depend on it.
 */
@Component
class DeliveryWakeUps {

  private final Semaphore permits = new Semaphore(0);

  void signal() {
    permits.release();
  }

  /** Waits for a signal or {@code timeout}, then forgets any further pending signals. */
  void await(Duration timeout) throws InterruptedException {
    permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
    permits.drainPermits();
  }
}
