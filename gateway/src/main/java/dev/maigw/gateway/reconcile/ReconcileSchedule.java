package dev.maigw.gateway.reconcile;

import dev.maigw.gateway.bridge.BridgeActivity;
import dev.maigw.gateway.bridge.MaiAgentAccess;
import dev.maigw.gateway.message.ConversationSummary;
import dev.maigw.gateway.message.MessageStore;
import dev.maigw.gateway.system.DaemonThreads;
import dev.maigw.sdk.client.MaiAgentClient;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reconciles by itself every {@code MAIGW_RECONCILE_INTERVAL} (off by default): the conversations
 * with a bridge send still waiting for its reply, and those with replies stored within the
 * lookback, each listed back to the lookback. Several instances may run it at once; the insert's
 * unique key keeps every reply stored once.
 */
@Component
class ReconcileSchedule implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ReconcileSchedule.class);

  /** Recent conversations looked at per pass, newest activity first. */
  static final int MAX_RECENT_CONVERSATIONS = 500;

  private final ReconcileProperties properties;
  private final MaiAgentAccess maiagent;
  private final Reconciler reconciler;
  private final BridgeActivity bridge;
  private final MessageStore messages;
  private final Clock clock;
  private ScheduledExecutorService timer;

  ReconcileSchedule(
      ReconcileProperties properties,
      MaiAgentAccess maiagent,
      Reconciler reconciler,
      BridgeActivity bridge,
      MessageStore messages,
      Clock clock) {
    this.properties = properties;
    this.maiagent = maiagent;
    this.reconciler = reconciler;
    this.bridge = bridge;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * One pass now, on the calling thread.
   *
   * @return how many replies it stored; 0 without MaiAgent access
   */
  int runOnce() {
    Optional<MaiAgentClient> client = maiagent.configured();
    if (client.isEmpty()) {
      return 0;
    }
    Instant since = clock.instant().minus(properties.lookback());
    int stored = 0;
    for (String conversation : conversations(since)) {
      try {
        stored += reconciler.reconcile(client.get(), conversation, since).stored;
      } catch (RuntimeException e) {
        // One conversation MaiAgent refuses must not keep the others from being reconciled.
        log.warn("Scheduled reconcile of conversation={} failed: {}", conversation, e.toString());
      }
    }
    return stored;
  }

  private Set<String> conversations(Instant since) {
    Set<String> conversations = new LinkedHashSet<>(bridge.conversationsAwaitingReplies());
    for (ConversationSummary summary :
        messages.conversations(Long.MAX_VALUE, MAX_RECENT_CONVERSATIONS)) {
      if (summary.lastActivityAt().isBefore(since)) {
        break;
      }
      conversations.add(summary.conversationId());
    }
    return conversations;
  }

  @Override
  public synchronized void start() {
    if (!properties.scheduled() || timer != null) {
      return;
    }
    long everyMillis = properties.interval().toMillis();
    timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("reconcile-schedule"));
    timer.scheduleWithFixedDelay(this::runSafely, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
  }

  private void runSafely() {
    try {
      int stored = runOnce();
      if (stored > 0) {
        log.info("Scheduled reconcile stored {} replies whose webhook had not arrived", stored);
      }
    } catch (RuntimeException e) {
      // The timer thread's boundary: a failed pass (store down) is retried at the next interval.
      log.warn("Scheduled reconcile failed: {}", e.toString());
    }
  }

  @Override
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return timer != null;
  }
}
