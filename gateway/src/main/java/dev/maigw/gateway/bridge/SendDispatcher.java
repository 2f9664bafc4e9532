package dev.maigw.gateway.bridge;

import dev.maigw.gateway.system.DaemonThreads;
import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Loops;
import dev.maigw.gateway.system.PollingLoop;
import dev.maigw.gateway.system.WakeUps;
import dev.maigw.sdk.client.AttachmentRef;
import dev.maigw.sdk.client.MaiAgentApiException;
import dev.maigw.sdk.client.MessageReceipt;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends queued messages to MaiAgent: per conversation one at a time, in queue order, and the next
 * only once the previous one is answered, failed or past the reply timeout (a send whose outcome is
 * unknown holds its conversation like a sent one). Wakes on every new send and every matched reply,
 * and polls twice a second as a safety net (and for sends queued by another instance). A dispatcher
 * claims a send before calling MaiAgent, so two instances never send the same one.
 */
@Component
class SendDispatcher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SendDispatcher.class);
  private static final Duration POLL = Duration.ofMillis(500);

  /**
   * A send still {@code sending} this long past the request timeout has no call in flight any more
   * (the margin lets a call that just timed out record its own outcome first).
   */
  static final Duration STALE_MARGIN = Duration.ofSeconds(10);

  private final SendStore store;
  private final SendWaiters waiters;
  private final MaiAgentAccess maiagent;
  private final BridgeProperties properties;
  private final Clock clock;
  private final JsonMapper json;
  private final WakeUps wakeUps = new WakeUps();
  private final Semaphore callSlots;
  private final ExecutorService calls;
  private final PollingLoop loop;
  private final Counter unrecorded;

  SendDispatcher(
      SendStore store,
      SendWaiters waiters,
      MaiAgentAccess maiagent,
      BridgeProperties properties,
      Clock clock,
      JsonMapper json,
      MeterRegistry meters,
      Loops loops) {
    this.store = store;
    this.waiters = waiters;
    this.maiagent = maiagent;
    this.properties = properties;
    this.clock = clock;
    this.json = json;
    this.unrecorded =
        Counter.builder("maigw.bridge.sends.unrecorded")
            .description("MaiAgent calls whose outcome the store failed to record")
            .register(meters);
    this.callSlots = new Semaphore(properties.maxConcurrentCalls());
    this.calls =
        Executors.newFixedThreadPool(
            properties.maxConcurrentCalls(), DaemonThreads.named("maiagent-call"));
    this.loop =
        new PollingLoop(
            "send-dispatcher",
            wakeUps,
            POLL,
            () -> {
              if (properties.isConfigured()) {
                dispatchReady();
              }
            },
            loops);
  }

  /** Something changed: look for sends to dispatch now rather than at the next poll. */
  void signal() {
    wakeUps.signal();
  }

  private void dispatchReady() {
    Instant now = clock.instant();
    for (String sendId :
        store.recoverStale(now.minus(properties.requestTimeout()).minus(STALE_MARGIN))) {
      log.warn("Send {} was left sending; MaiAgent may have it, so it is now unknown", sendId);
      waiters.wake(sendId, System.nanoTime());
    }
    Instant busySince = now.minus(properties.replyTimeout());
    for (Send send : store.dispatchable(busySince, properties.maxConcurrentCalls())) {
      if (!callSlots.tryAcquire()) {
        return;
      }
      if (store.claim(send.sendId())) {
        calls.execute(() -> call(send));
      } else {
        callSlots.release();
      }
    }
  }

  private void call(Send send) {
    try {
      MessageReceipt receipt;
      try {
        receipt = sendMessage(send);
      } catch (MaiAgentApiException e) {
        recordError(send, e);
        return;
      } catch (GatewayException e) {
        store.markFailed(send.sendId(), e.status().value(), e.getMessage(), null);
        return;
      }
      recordSent(send, receipt);
    } catch (RuntimeException e) {
      // The outcome could not be recorded: the send stays 'sending' until the stale-send check
      // makes it 'unknown'; it is never sent twice.
      unrecorded.increment();
      log.error(
          "Send {}: the outcome of the MaiAgent call could not be recorded", send.sendId(), e);
    } finally {
      callSlots.release();
      waiters.wake(send.sendId(), System.nanoTime());
      signal();
    }
  }

  private MessageReceipt sendMessage(Send send) {
    List<AttachmentRef> attachments =
        json.readValue(send.attachmentsJson(), new TypeReference<List<AttachmentRef>>() {});
    return maiagent.client().sendMessage(send.conversationId(), send.content(), attachments);
  }

  /**
   * Only a definite refusal (a 4xx, or no connection at all) fails the send. A 5xx, a timeout or an
   * unusable 2xx may hide an accepted message whose reply will come: the send becomes unknown and
   * holds its conversation, so the next send cannot take that reply.
   */
  private void recordError(Send send, MaiAgentApiException e) {
    String detail = MaiAgentCallException.of(e).getMessage();
    boolean accepted = e.status() >= 200 && e.status() <= 299;
    if (e.isOutcomeUnknown() || accepted) {
      log.warn("Send {} may or may not have reached MaiAgent: {}", send.sendId(), e.getMessage());
      store.markUnknown(send.sendId(), e.status(), null, detail, e.body());
    } else {
      store.markFailed(send.sendId(), e.status(), detail, e.body());
    }
  }

  /** MaiAgent took it; if the store cannot say so, it must at least never say "failed". */
  private void recordSent(Send send, MessageReceipt receipt) {
    try {
      store.markSent(send.sendId(), receipt.id());
    } catch (RuntimeException e) {
      log.warn("Send {} reached MaiAgent but was not recorded as sent", send.sendId(), e);
      store.markUnknown(
          send.sendId(),
          null,
          receipt.id(),
          "MaiAgent took the message; recording it failed.",
          null);
    }
  }

  @Override
  public void start() {
    loop.start();
  }

  @Override
  public void stop() {
    loop.stop();
    calls.shutdown();
    try {
      if (!calls.awaitTermination(properties.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        calls.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return loop.isRunning();
  }

  /** Stops before the web server's graceful shutdown ends and well before the writer closes. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 2048;
  }
}
