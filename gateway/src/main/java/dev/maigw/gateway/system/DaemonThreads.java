package dev.maigw.gateway.system;

import java.util.concurrent.ThreadFactory;

/** Threads that never keep the JVM alive: the gateway's lifecycle ends them, not the JVM's exit. */
public final class DaemonThreads {

  private DaemonThreads() {}

  /** A factory of daemon threads, all called {@code name}. */
  public static ThreadFactory named(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
