package dev.maigw.gateway.system;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A long-lived loop on a daemon thread of its own that {@link Loops} restarts when it dies. The
 * body runs until its owner stops it; an exception the body does not handle itself, or an {@link
 * Error} such as {@link OutOfMemoryError}, ends the thread, and the supervisor starts a new one
 * running the same body. The body must therefore be able to start again from its own state.
 */
public final class SupervisedLoop {

  private static final Logger log = LoggerFactory.getLogger(SupervisedLoop.class);

  private final String name;
  private final Runnable body;
  private final AtomicInteger deaths = new AtomicInteger();
  private final java.util.concurrent.atomic.AtomicLong passes =
      new java.util.concurrent.atomic.AtomicLong();
  private final AtomicReference<Throwable> injected = new AtomicReference<>();
  private volatile boolean wanted;
  private volatile Thread thread;

  SupervisedLoop(String name, Runnable body) {
    this.name = name;
    this.body = body;
  }

  public String name() {
    return name;
  }

  /** Starts the thread; the supervisor keeps one running until {@link #stop}. */
  public synchronized void start() {
    wanted = true;
    launch();
  }

  /**
   * Tells the supervisor to leave the loop ended, then waits up to {@code wait} for the thread to
   * end. The owner makes the body return (a flag, a wake-up) before or after calling this.
   */
  public void stop(Duration wait) {
    wanted = false;
    Thread current = thread;
    if (current == null) {
      return;
    }
    try {
      current.join(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether the loop should be running and its thread is alive. */
  public boolean alive() {
    Thread current = thread;
    return current != null && current.isAlive();
  }

  /** Whether the loop should be running but its thread has ended: the supervisor restarts it. */
  boolean dead() {
    return wanted && !alive();
  }

  /** Times the thread died while it should have been running. */
  int deaths() {
    return deaths.get();
  }

  /**
   * Called by the body at each pass: throws a failure a test injected with {@link
   * Loops#injectFailure}, as a real one would be thrown there. Does nothing otherwise.
   */
  public void checkpoint() {
    passes.incrementAndGet();
    Throwable failure = injected.getAndSet(null);
    if (failure instanceof Error error) {
      throw error;
    }
    if (failure instanceof RuntimeException exception) {
      throw exception;
    }
  }

  /** Checkpoints passed since start: moves while the loop works. */
  long passes() {
    return passes.get();
  }

  void inject(Throwable failure) {
    injected.set(failure);
  }

  /** Starts a new thread unless one is alive or the loop is stopped; true if it did. */
  synchronized boolean restartIfDead() {
    if (!dead()) {
      return false;
    }
    log.warn("Restarting {} after it died ({} deaths so far)", name, deaths.get());
    launch();
    return true;
  }

  private void launch() {
    Thread next = DaemonThreads.named(name).newThread(this::run);
    thread = next;
    next.start();
  }

  private void run() {
    try {
      body.run();
    } catch (Throwable death) {
      // The thread boundary: record and report, then let the supervisor start a fresh thread.
      if (wanted) {
        deaths.incrementAndGet();
      }
      log.error("{} died; it will be restarted", name, death);
    }
  }
}
