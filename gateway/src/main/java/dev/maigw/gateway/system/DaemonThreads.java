package dev.maigw.gateway.system;

import java.util.concurrent.ThreadFactory;

/** Threads that never keep the JVM alive: the gateway's lifecycle ends them, not the JVM's exit. */
public final class DaemonThreads {

  private DaemonThreads() {}

  /**
   * {@code task} for a periodic schedule, which an escaping {@link Throwable} would cancel for
   * good: anything it throws, an {@link Error} included, is logged and the next run happens as
   * planned.
   */
  public static Runnable surviving(String name, Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (Throwable e) {
        org.slf4j.LoggerFactory.getLogger(DaemonThreads.class)
            .error("{} failed; it runs again at its next time", name, e);
      }
    };
  }

  /** A factory of daemon threads, all called {@code name}. */
  public static ThreadFactory named(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
