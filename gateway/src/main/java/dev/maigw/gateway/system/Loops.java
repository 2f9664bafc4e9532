package dev.maigw.gateway.system;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The supervisor of the gateway's long-lived loops (the writer, the delivery claims, the send
 * dispatcher, the message tail): every {@code maigw.loops.restart-delay} it starts a new thread for
 * any loop whose thread has died, and the {@code loops} health check is DOWN while one is dead.
 */
@Component
public class Loops implements AutoCloseable {

  private final Map<String, SupervisedLoop> loops = new ConcurrentHashMap<>();
  private final ScheduledExecutorService supervisor;

  /**
   * @param restartDelay {@code maigw.loops.restart-delay} ({@code MAIGW_LOOP_RESTART_DELAY}),
   *     default 1s: how often the supervisor looks for dead loops, so about how long a dead loop
   *     stays dead.
   */
  public Loops(@Value("${maigw.loops.restart-delay:1s}") Duration restartDelay) {
    this.supervisor =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("loop-supervisor"));
    long millis = Math.max(1, restartDelay.toMillis());
    supervisor.scheduleWithFixedDelay(this::superviseOnce, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** A new loop under supervision, not yet started. Names are unique. */
  public SupervisedLoop create(String name, Runnable body) {
    SupervisedLoop loop = new SupervisedLoop(name, body);
    if (loops.putIfAbsent(name, loop) != null) {
      throw new IllegalStateException("A loop is already called " + name);
    }
    return loop;
  }

  /** Restarts every dead loop now (what the supervisor does on its schedule); for tests too. */
  public void superviseOnce() {
    for (SupervisedLoop loop : loops.values()) {
      try {
        loop.restartIfDead();
      } catch (Throwable e) {
        // Cannot start a thread right now (out of memory, say): the next round tries again.
      }
    }
  }

  /** Names of the loops that should run but whose thread has died. */
  public List<String> dead() {
    return loops.values().stream().filter(SupervisedLoop::dead).map(SupervisedLoop::name).toList();
  }

  /** Deaths per loop since start. */
  public Map<String, Integer> deaths() {
    Map<String, Integer> deaths = new java.util.TreeMap<>();
    loops.forEach((name, loop) -> deaths.put(name, loop.deaths()));
    return deaths;
  }

  /** Checkpoints the loop has passed, for tests: moves while it works. */
  long passes(String name) {
    return loops.get(name).passes();
  }

  /** Test hook: the loop's next {@link SupervisedLoop#checkpoint} throws {@code failure}. */
  void injectFailure(String name, Throwable failure) {
    SupervisedLoop loop = loops.get(name);
    if (loop == null) {
      throw new IllegalArgumentException("No loop called " + name);
    }
    loop.inject(failure);
  }

  @PreDestroy
  @Override
  public void close() {
    supervisor.shutdownNow();
  }
}
