package dev.maigw.gateway.bridge;

import dev.maigw.gateway.system.DaemonThreads;
import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.PollingLoop;
import dev.maigw.gateway.system.WakeUps;
import dev.maigw.sdk.client.AttachmentRef;
import dev.maigw.sdk.client.MaiAgentApiException;
import dev.maigw.sdk.client.MessageReceipt;
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
 * only once the previous one is answered, failed or past the reply timeout. Wakes on every new send
 * and every matched reply, and polls twice a second as a safety net (and for sends queued by
 * another instance). A dispatcher claims a send before calling MaiAgent, so two instances never
 * send the same one.
 */
@Component
class SendDispatcher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SendDispatcher.class);
  private static final Duration POLL = Duration.ofMillis(500);

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

  SendDispatcher(
      SendStore store,
      SendWaiters waiters,
      MaiAgentAccess maiagent,
      BridgeProperties properties,
      Clock clock,
      JsonMapper json) {
    this.store = store;
    this.waiters = waiters;
    this.maiagent = maiagent;
    this.properties = properties;
    this.clock = clock;
    this.json = json;
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
            });
  }

  /** Something changed: look for sends to dispatch now rather than at the next poll. */
  void signal() {
    wakeUps.signal();
  }

  private void dispatchReady() {
    Instant busySince = clock.instant().minus(properties.replyTimeout());
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
      List<AttachmentRef> attachments =
          json.readValue(send.attachmentsJson(), new TypeReference<List<AttachmentRef>>() {});
      MessageReceipt receipt =
          maiagent.client().sendMessage(send.conversationId(), send.content(), attachments);
      store.markSent(send.sendId(), receipt.id());
    } catch (MaiAgentApiException e) {
      if (e.kind() == MaiAgentApiException.Kind.TRANSPORT && e.isOutcomeUnknown()) {
        // No answer, but MaiAgent may have the message: wait for its reply rather than risk
        // sending it twice. An answer with an error status is reported to the caller instead.
        log.warn("Send {} may or may not have reached MaiAgent: {}", send.sendId(), e.kind());
        store.markSent(send.sendId(), null);
      } else {
        store.markFailed(
            send.sendId(), e.status(), MaiAgentCallException.of(e).getMessage(), e.body());
      }
    } catch (GatewayException e) {
      store.markFailed(send.sendId(), e.status().value(), e.getMessage(), null);
    } catch (RuntimeException e) {
      log.error("Send {} failed unexpectedly", send.sendId(), e);
      store.markFailed(send.sendId(), 0, "The gateway failed to send the message.", null);
    } finally {
      callSlots.release();
      waiters.wake(send.sendId(), System.nanoTime());
      signal();
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
