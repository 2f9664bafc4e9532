package dev.maigw.gateway.system;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daemon thread that runs one pass of some work on every {@link WakeUps} signal, and after {@code
 * poll} at the latest, until stopped. A pass that fails (the store is down, say) is logged, and the
 * next wake-up simply tries again. The thread is supervised by {@link Loops}: should it die (an
 * {@link Error}), a new one takes over.
 */
public final class PollingLoop {

  private static final Logger log = LoggerFactory.getLogger(PollingLoop.class);

  private final String name;
  private final WakeUps wakeUps;
  private final Duration poll;
  private final Runnable pass;
  private final SupervisedLoop thread;
  private volatile boolean running;

  public PollingLoop(String name, WakeUps wakeUps, Duration poll, Runnable pass, Loops loops) {
    this.name = name;
    this.wakeUps = wakeUps;
    this.poll = poll;
    this.pass = pass;
    this.thread = loops.create(name, this::run);
  }

  public void start() {
    running = true;
    thread.start();
  }

  /** Ends the loop and waits up to five seconds for a pass in progress to finish. */
  public void stop() {
    running = false;
    wakeUps.signal();
    thread.stop(Duration.ofSeconds(5));
  }

  public boolean isRunning() {
    return running;
  }

  private void run() {
    while (running) {
      try {
        wakeUps.await(poll);
        thread.checkpoint();
        if (running) {
          pass.run();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("{} failed, trying again at the next wake-up: {}", name, e.toString());
      }
    }
  }
}
