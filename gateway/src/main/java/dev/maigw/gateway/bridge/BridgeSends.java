package dev.maigw.gateway.bridge;

import dev.maigw.gateway.bridge.SendWaiters.Waited;
import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Queues sends and waits for them to settle. Waiting holds no thread and is safe to abandon: the
 * send and its replies are in the store, so a caller that gives up (or a gateway that restarts) can
 * always pick the result up later.
 */
@Component
class BridgeSends {

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

  /**
   * Queues a send, or finds the one this conversation already has for {@code idempotencyKey}.
   * Completes after the commit.
   *
   * @throws GatewayException (in the future) {@code idempotency_key_reused} when the key names a
   *     send with another body
   */
  CompletableFuture<Send> submit(
      String conversationId, SendRequest request, String idempotencyKey) {
    return store
        .create(conversationId, request.content(), request.attachmentsJson(), idempotencyKey)
        .thenApply(
            send -> {
              if (!send.hasBody(request.content(), request.attachmentsJson())) {
                throw new GatewayException(
                    Problem.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for send "
                        + send.sendId()
                        + " with another body.");
              }
              dispatcher.signal();
              return send;
            });
  }

  /**
   * Waits up to {@code wait} for the send to be replied to or to fail, holding no thread.
   *
   * @return the send as it stands when it settled or the wait ended; fails with 404 when there is
   *     no send with this id
   */
  CompletableFuture<Waited> await(String sendId, Duration wait) {
    return waiters
        .await(sendId, wait)
        .thenApply(
            waited -> {
              if (waited.send() == null) {
                throw new GatewayException(Problem.NOT_FOUND, "No send with this id.");
              }
              return waited;
            });
  }

  /** Records how long the caller waited after the reply committed (the bridge's own overhead). */
  void recordHandoff(Waited waited) {
    if (waited.wokenAtNanos() != null && Send.REPLIED.equals(waited.send().status())) {
      handoff.record(System.nanoTime() - waited.wokenAtNanos(), TimeUnit.NANOSECONDS);
    }
  }
}
