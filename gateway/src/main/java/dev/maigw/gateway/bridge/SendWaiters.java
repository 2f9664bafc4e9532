package dev.maigw.gateway.bridge;

import dev.maigw.gateway.system.DaemonThreads;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Callers waiting in this instance for a send to settle, holding no thread while they wait. A wait
 * ends when a local commit wakes it and the send is settled, when one shared re-check (a single
 * query every {@code maigw.bridge.recheck}) finds it settled by another gateway instance, or at its
 * deadline (one shared timer). Reads happen on a small pool of their own, never on the writer
 * thread or a server thread.
 */
@Component
class SendWaiters implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SendWaiters.class);
  private static final int READER_THREADS = 2;

  private final Map<String, Set<PendingWait>> waiting = new ConcurrentHashMap<>();
  private final SendStore store;
  private final BridgeProperties properties;
  private final Clock clock;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("send-wait-timer"));
  private final ExecutorService readers =
      Executors.newFixedThreadPool(READER_THREADS, DaemonThreads.named("send-wait-reader"));
  private volatile boolean running;
  private Instant lastRecheck;

  SendWaiters(SendStore store, BridgeProperties properties, Clock clock, MeterRegistry meters) {
    this.store = store;
    this.properties = properties;
    this.clock = clock;
    Gauge.builder("maigw.bridge.waits.open", this, SendWaiters::open)
        .description("Bridge callers waiting in this instance")
        .register(meters);
  }

  /**
   * Completes when the send is replied to or failed, or when {@code wait} has passed, with the send
   * as it then stands; never blocks the caller.
   */
  CompletableFuture<Waited> await(String sendId, Duration wait) {
    PendingWait pending = new PendingWait(sendId, System.nanoTime() + wait.toNanos());
    // Registered before the first read, so a change committed in between still wakes it.
    waiting.computeIfAbsent(sendId, id -> ConcurrentHashMap.newKeySet()).add(pending);
    try {
      pending.deadline =
          timer.schedule(() -> check(pending), Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException stopping) {
      // Shutting down: answer with the send as it stands instead of waiting.
      read(pending, true);
      return pending.result;
    }
    check(pending);
    return pending.result;
  }

  /**
   * Wakes everyone waiting for {@code sendId}; cheap, safe on the writer thread.
   *
   * @param changedAtNanos {@link System#nanoTime()} when the change committed
   */
  void wake(String sendId, long changedAtNanos) {
    Set<PendingWait> set = waiting.get(sendId);
    if (set != null) {
      for (PendingWait pending : set) {
        pending.wokenAtNanos = changedAtNanos;
        check(pending);
      }
    }
  }

  /** Number of waits open in this instance. */
  int open() {
    return waiting.values().stream().mapToInt(Set::size).sum();
  }

  /** Reads the send off the caller's thread and ends the wait if it is settled or due. */
  private void check(PendingWait pending) {
    if (pending.result.isDone()) {
      return;
    }
    try {
      readers.execute(() -> read(pending, false));
    } catch (RejectedExecutionException stopped) {
      read(pending, true);
    }
  }

  private void read(PendingWait pending, boolean endNow) {
    try {
      Optional<Send> send = store.find(pending.sendId);
      if (endNow || send.isEmpty() || send.get().isSettled() || pending.isDue()) {
        finish(pending, send.orElse(null));
      }
    } catch (RuntimeException e) {
      finishExceptionally(pending, e);
    }
  }

  private void finish(PendingWait pending, Send send) {
    forget(pending);
    pending.result.complete(new Waited(pending.sendId, send, pending.wokenAtNanos));
  }

  private void finishExceptionally(PendingWait pending, RuntimeException failure) {
    forget(pending);
    pending.result.completeExceptionally(failure);
  }

  private void forget(PendingWait pending) {
    ScheduledFuture<?> deadline = pending.deadline;
    if (deadline != null) {
      deadline.cancel(false);
    }
    waiting.computeIfPresent(
        pending.sendId,
        (id, set) -> {
          set.remove(pending);
          return set.isEmpty() ? null : set;
        });
  }

  /** One query for every wait: which sends did any instance settle since the last look? */
  private synchronized void recheck() {
    if (waiting.isEmpty()) {
      lastRecheck = null;
      return;
    }
    Instant now = clock.instant();
    // Instances' clocks (and commits racing this query) may differ by up to the skew.
    Instant since = (lastRecheck == null ? now : lastRecheck).minus(properties.clockSkew());
    lastRecheck = now;
    for (String sendId : store.settledSince(since)) {
      wake(sendId, System.nanoTime());
    }
  }

  @Override
  public void start() {
    running = true;
    long everyMillis = properties.recheck().toMillis();
    timer.scheduleWithFixedDelay(
        DaemonThreads.surviving("send-wait-timer", () -> readers.execute(this::recheckSafely)),
        everyMillis,
        everyMillis,
        TimeUnit.MILLISECONDS);
  }

  private void recheckSafely() {
    try {
      recheck();
    } catch (RuntimeException e) {
      log.warn("Re-checking waited sends failed; retrying at the next tick", e);
    }
  }

  /**
   * Answers every open wait with the send as it stands (202 and its Location), so a graceful
   * shutdown does not sit out waits of up to five minutes; callers pick the result up later.
   */
  @Override
  public void stop() {
    running = false;
    timer.shutdownNow();
    readers.shutdown();
    waiting.values().forEach(set -> set.forEach(pending -> read(pending, true)));
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops before the web server's graceful shutdown begins, which then sends these answers. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 512;
  }

  /**
   * A send after waiting.
   *
   * @param send the send, or null when there is no send with this id
   * @param wokenAtNanos when the change that woke the waiter committed, or null
   */
  record Waited(String sendId, Send send, Long wokenAtNanos) {}

  private static final class PendingWait {
    final String sendId;
    final long deadlineNanos;
    final CompletableFuture<Waited> result = new CompletableFuture<>();
    volatile ScheduledFuture<?> deadline;
    volatile Long wokenAtNanos;

    PendingWait(String sendId, long deadlineNanos) {
      this.sendId = sendId;
      this.deadlineNanos = deadlineNanos;
    }

    boolean isDue() {
      return System.nanoTime() - deadlineNanos >= 0;
    }
  }
}
