package dev.maigw.gateway.bridge;

import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Queues sends and waits for them to settle. Waiting is cheap and safe to abandon: the send and its
 * replies are in the store, so a caller that gives up (or a gateway that restarts) can always pick
 * the result up later.
 */
@Component
class BridgeSends {

  /** Re-read the store at least this often while waiting (replies stored by other instances). */
  private static final long RECHECK_MILLIS = 250;

  private final SendStore store;
  private final SendWaiters waiters;
  private final SendDispatcher dispatcher;
  private final Timer handoff;

  BridgeSends(
      SendStore store, SendWaiters waiters, SendDispatcher dispatcher, MeterRegistry meters) {
    this.store = store;
    this.waiters = waiters;
    this.dispatcher = dispatcher;
    this.handoff =
        Timer.builder("maigw.bridge.handoff")
            .description("From a reply's commit to its waiting caller being answered")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(0).plusNanos(50_000))
            .maximumExpectedValue(Duration.ofSeconds(10))
            .register(meters);
  }

  Send submit(String conversationId, String content, String attachmentsJson) {
    Send send = store.create(conversationId, content, attachmentsJson);
    dispatcher.signal();
    return send;
  }

  /**
   * Waits up to {@code wait} for the send to be replied to or to fail.
   *
   * @return the send as it stands when it settled or the wait ended
   */
  Waited await(String sendId, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    Long wokenAt = null;
    while (true) {
      CompletableFuture<Long> wakeUp = waiters.register(sendId);
      try {
        Send send = find(sendId);
        long remaining = deadline - System.nanoTime();
        if (send.isSettled() || remaining <= 0) {
          return new Waited(send, wokenAt);
        }
        wokenAt =
            wakeUp.get(
                Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(RECHECK_MILLIS)),
                TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        // Re-read the store and wait again.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Waited(find(sendId), null);
      } catch (ExecutionException e) {
        throw new IllegalStateException("Wake-ups never fail", e);
      } finally {
        waiters.unregister(sendId, wakeUp);
      }
    }
  }

  /** Records how long the caller waited after the reply committed (the bridge's own overhead). */
  void recordHandoff(Waited waited) {
    if (waited.wokenAtNanos() != null && Send.REPLIED.equals(waited.send().status())) {
      handoff.record(System.nanoTime() - waited.wokenAtNanos(), TimeUnit.NANOSECONDS);
    }
  }

  Send find(String sendId) {
    return store
        .find(sendId)
        .orElseThrow(() -> new GatewayException(Problem.NOT_FOUND, "No send with this id."));
  }

  /**
   * A send after waiting.
   *
   * @param wokenAtNanos when the change that woke the waiter committed, or null
   */
  record Waited(Send send, Long wokenAtNanos) {}
}
