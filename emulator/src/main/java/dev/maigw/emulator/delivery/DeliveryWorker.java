package dev.maigw.emulator.delivery;

import dev.maigw.emulator.fault.FaultSwitch;
import dev.maigw.emulator.fault.Faults;
import dev.maigw.emulator.system.BoundedLog;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Queues webhooks on one worker thread, applying the delivery faults: {@code deliveryCopies} copies
 * of each body, an extra delay before the first attempt, and out-of-order batches (held until
 * {@code outOfOrderBatch} replies wait, then sent newest first), and dropped attempts (recorded as
 * failed without sending, then retried like any failure).
 */
public final class DeliveryWorker implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(DeliveryWorker.class.getName());
  private static final int KEPT_DELIVERIES = 10_000;

  private final ScheduledExecutorService worker;
  private final WebhookSender sender;
  private final RetrySchedule retries;
  private final FaultSwitch faults;
  private final Clock clock;
  private final BoundedLog<Delivery> log = new BoundedLog<>(KEPT_DELIVERIES);
  private final AtomicLong generation = new AtomicLong();
  private final List<List<Delivery>> held = new ArrayList<>();

  public DeliveryWorker(
      WebhookSender sender, RetrySchedule retries, FaultSwitch faults, Clock clock) {
    this.sender = sender;
    this.retries = retries;
    this.faults = faults;
    this.clock = clock;
    this.worker =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "maiagent-emulator-delivery");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Queues a webhook under the current faults.
   *
   * @return the ids of the deliveries created (one per copy)
   */
  public List<String> submit(Outbound outbound) {
    Faults current = faults.current();
    List<Delivery> copies = new ArrayList<>();
    for (int copy = 1; copy <= current.deliveryCopies(); copy++) {
      Delivery delivery = new Delivery(outbound, copy, generation.get());
      log.add(delivery);
      copies.add(delivery);
    }
    synchronized (held) {
      if (current.outOfOrderBatch() >= 2) {
        copies.forEach(delivery -> delivery.schedule(DeliveryState.HELD, null));
        held.add(copies);
        if (held.size() >= current.outOfOrderBatch()) {
          releaseHeldLocked(current);
        }
      } else {
        dispatch(copies, current.extraDeliveryDelay());
      }
    }
    return copies.stream().map(Delivery::id).toList();
  }

  /**
   * Sends every held reply now, newest first.
   *
   * @return how many replies were released
   */
  public int releaseHeld() {
    synchronized (held) {
      return releaseHeldLocked(faults.current());
    }
  }

  /** Every delivery still kept (the newest {@value #KEPT_DELIVERIES}), oldest first. */
  public List<DeliveryRecord> deliveries() {
    return log.snapshot().stream().map(Delivery::snapshot).toList();
  }

  /** Forgets all deliveries; attempts already scheduled are dropped. */
  public void reset() {
    synchronized (held) {
      generation.incrementAndGet();
      held.clear();
      log.clear();
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }

  private int releaseHeldLocked(Faults current) {
    List<List<Delivery>> batch = new ArrayList<>(held);
    held.clear();
    Collections.reverse(batch);
    batch.forEach(copies -> dispatch(copies, current.extraDeliveryDelay()));
    return batch.size();
  }

  private void dispatch(List<Delivery> copies, Duration delay) {
    for (Delivery delivery : copies) {
      delivery.schedule(DeliveryState.PENDING, clock.instant().plus(delay));
      schedule(delivery, delay);
    }
  }

  private void schedule(Delivery delivery, Duration delay) {
    worker.schedule(() -> attemptSafely(delivery), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void attemptSafely(Delivery delivery) {
    try {
      attempt(delivery);
    } catch (RuntimeException e) {
      // The worker thread's boundary: a bug here must not stop later deliveries.
      LOG.log(Level.SEVERE, "Delivery " + delivery.id() + " failed unexpectedly", e);
    }
  }

  private void attempt(Delivery delivery) {
    if (delivery.generation() != generation.get()) {
      return;
    }
    int number = delivery.attemptsMade() + 1;
    DeliveryAttempt attempt =
        faults.current().dropWebhooks()
            ? sender.dropped(delivery.id(), number, delivery.outbound())
            : sender.send(delivery.id(), number, delivery.outbound());
    if (attempt.succeeded()) {
      delivery.recordAttempt(attempt, DeliveryState.DELIVERED, null);
      return;
    }
    retries
        .delayAfter(number)
        .ifPresentOrElse(
            wait -> {
              delivery.recordAttempt(attempt, DeliveryState.RETRYING, clock.instant().plus(wait));
              schedule(delivery, wait);
            },
            () -> delivery.recordAttempt(attempt, DeliveryState.GAVE_UP, null));
  }
}
