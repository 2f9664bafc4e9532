package dev.maigw.gateway.delivery;

import dev.maigw.gateway.storage.WriteSession;
import dev.maigw.gateway.system.DaemonThreads;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The enabled targets, kept in memory so that matching a stored message costs no query beyond one
 * version check per write transaction. {@link #current} checks the targets' version inside the
 * message's own transaction and reloads on a change, so a message never misses a target committed
 * before it, whichever instance changed it; what it loads is published to {@link #all} only once
 * that transaction has committed, so a rolled-back batch cannot leave a target behind that never
 * existed. {@link #all} (for claims and attempts) is the last loaded list, refreshed after every
 * change made here and every two seconds.
 */
@Component
class EnabledTargets implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EnabledTargets.class);

  /** Key of the list checked in the current write transaction. */
  private static final Object CHECKED = new Object();

  private final TargetStore store;
  private volatile Snapshot snapshot = new Snapshot(-1, List.of());
  private volatile ScheduledExecutorService reloader;

  EnabledTargets(TargetStore store) {
    this.store = store;
  }

  /** The enabled targets as of a version of the targets table. */
  private record Snapshot(long version, List<Target> enabled) {}

  List<Target> all() {
    return snapshot.enabled();
  }

  /**
   * The enabled targets as the caller's write transaction sees them: the version is read once per
   * transaction (again after a target change in it), and the list reloaded through the same
   * transaction when it has moved on. The loaded list serves this transaction at once and everyone
   * else after its commit.
   */
  List<Target> current(WriteSession session) {
    Snapshot checked = (Snapshot) session.transactionValue(CHECKED);
    if (checked == null) {
      JdbcClient jdbc = session.jdbc();
      long version = TargetStore.version(jdbc);
      checked = snapshot;
      if (checked.version() != version) {
        Snapshot loaded = new Snapshot(version, enabledOnly(store.list(jdbc)));
        session.afterCommit(() -> keepNewer(loaded));
        checked = loaded;
      }
      session.putTransactionValue(CHECKED, checked);
    }
    return checked.enabled();
  }

  /** Makes the next {@link #current} in this transaction read the version again. */
  static void forgetChecked(WriteSession session) {
    session.putTransactionValue(CHECKED, null);
  }

  /** Reads the targets again if their version has moved (every call reads the version). */
  void reload() {
    try {
      long version = store.version();
      if (version == snapshot.version()) {
        return;
      }
      keepNewer(new Snapshot(version, enabledOnly(store.list())));
    } catch (RuntimeException e) {
      log.warn("Reloading targets failed: {}", e.toString());
    }
  }

  /**
   * Asks for a {@link #reload} on the reloader's thread and returns at once: safe to call where no
   * I/O may happen, such as a callback of a write that runs on the writer thread.
   */
  void reloadSoon() {
    ScheduledExecutorService running = reloader;
    if (running == null) {
      return; // not started yet: the start reloads
    }
    try {
      running.execute(this::reload);
    } catch (RejectedExecutionException stopped) {
      // Stopping: the next start reloads anyway.
    }
  }

  /** Versions only grow: a reload that read an older version must not undo a newer one. */
  private synchronized void keepNewer(Snapshot loaded) {
    if (loaded.version() >= snapshot.version()) {
      snapshot = loaded;
    }
  }

  private static List<Target> enabledOnly(List<Target> targets) {
    return targets.stream().filter(Target::enabled).toList();
  }

  @Override
  public void start() {
    reload();
    reloader = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("target-reload"));
    reloader.scheduleWithFixedDelay(
        DaemonThreads.surviving("target-reload", this::reload), 2, 2, TimeUnit.SECONDS);
  }

  @Override
  public void stop() {
    reloader.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return reloader != null && !reloader.isShutdown();
  }
}
