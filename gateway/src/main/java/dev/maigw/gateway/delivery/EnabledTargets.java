package dev.maigw.gateway.delivery;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The enabled targets, kept in memory so that matching a stored message costs no query (and nothing
 * at all when there are none). Reloaded after every change made here and every two seconds, for
 * changes made by another instance.
 */
@Component
class EnabledTargets implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EnabledTargets.class);

  private final TargetStore store;
  private volatile List<Target> enabled = List.of();
  private ScheduledExecutorService reloader;

  EnabledTargets(TargetStore store) {
    this.store = store;
  }

  List<Target> all() {
    return enabled;
  }

  void reload() {
    try {
      enabled = store.list().stream().filter(Target::enabled).toList();
    } catch (RuntimeException e) {
      log.warn("Reloading targets failed: {}", e.toString());
    }
  }

  @Override
  public void start() {
    reload();
    reloader =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "target-reload");
              thread.setDaemon(true);
              return thread;
            });
    reloader.scheduleWithFixedDelay(this::reload, 2, 2, TimeUnit.SECONDS);
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
