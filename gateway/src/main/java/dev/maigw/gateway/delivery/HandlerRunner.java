package dev.maigw.gateway.delivery;

import dev.maigw.gateway.message.StoredMessage;
import dev.maigw.gateway.system.DaemonThreads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls in-process {@link MessageHandler}s on threads of their own, each call bounded by its
 * target's timeout like an HTTP attempt: a handler that has not returned by then is interrupted and
 * the attempt counts as failed ({@code handler_timeout}). The worker starts an attempt only when
 * the timeout and a margin fit in the lease, so a handler is never still running, as far as the
 * gateway can stop it, when its lease runs out and another worker may take the delivery.
 */
final class HandlerRunner implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HandlerRunner.class);

  private final ExecutorService threads =
      Executors.newCachedThreadPool(DaemonThreads.named("delivery-handler"));
  private final Clock clock;
  private final Duration stopGrace;

  /**
   * @param stopGrace how long to wait, after interrupting a handler that ran out of time, for it to
   *     stop before its attempt is recorded (less than the worker's lease margin)
   */
  HandlerRunner(Clock clock, Duration stopGrace) {
    this.clock = clock;
    this.stopGrace = stopGrace;
  }

  /** Calls {@code handler} once; the attempt's error is null when it returned normally. */
  DeliveryAttempt call(
      MessageHandler handler, String deliveryId, StoredMessage message, Duration timeout) {
    Instant started = clock.instant();
    long start = System.nanoTime();
    CountDownLatch ended = new CountDownLatch(1);
    String error = null;
    try {
      Future<Void> call =
          threads.submit(
              () -> {
                try {
                  handler.handle(deliveryId, message);
                  return null;
                } finally {
                  ended.countDown();
                }
              });
      error = await(call, ended, handler, deliveryId, timeout);
    } catch (RejectedExecutionException stopping) {
      error = "handler_failed: the gateway is stopping";
    }
    long latency = Duration.ofNanos(System.nanoTime() - start).toMillis();
    return new DeliveryAttempt(0, started, latency, null, error, null, false);
  }

  private String await(
      Future<Void> call,
      CountDownLatch ended,
      MessageHandler handler,
      String deliveryId,
      Duration timeout) {
    try {
      call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return null;
    } catch (ExecutionException e) {
      return "handler_failed: " + e.getCause();
    } catch (TimeoutException e) {
      call.cancel(true);
      awaitStop(ended, handler, deliveryId);
      return "handler_timeout: the handler did not return within " + timeout.toMillis() + " ms";
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      return "handler_failed: interrupted while the gateway was stopping";
    }
  }

  private void awaitStop(CountDownLatch ended, MessageHandler handler, String deliveryId) {
    try {
      if (!ended.await(stopGrace.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn(
            "Handler {} ignored the interrupt after its timeout; delivery {} may run twice at once",
            handler.name(),
            deliveryId);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Interrupts handlers still running; they belong to attempts whose leases will run out. */
  @Override
  public void close() {
    threads.shutdownNow();
  }
}
