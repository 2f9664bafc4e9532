package dev.maigw.benchmark;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Runs one {@link Scenario}: one platform thread per connection, all sharing one {@link
 * LoadWindow}, then merges their histograms and counters. Bounded in time: workers stop issuing at
 * the window's end, and any still blocked in a read a few seconds later have their sockets closed.
 */
final class LoadScenario {

  private static final Duration START_DELAY = Duration.ofMillis(50);
  private static final long THREAD_STACK_BYTES = 256 * 1024;
  private static final long JOIN_GRACE_NANOS = TimeUnit.SECONDS.toNanos(15);

  private final Clock clock;

  LoadScenario(Clock clock) {
    this.clock = clock;
  }

  /**
   * Runs {@code scenario} with a warm-up and a measured phase.
   *
   * @param rss sampled for the gateway's peak resident memory (warm-up included), or null
   */
  ScenarioResult run(
      Scenario scenario,
      WebhookRequestTemplate template,
      Duration warmup,
      Duration measured,
      RssSampler rss) {
    LoadWindow window = LoadWindow.startingIn(START_DELAY, warmup, measured);
    List<LoadWorker> workers = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < scenario.load().connections(); c++) {
      LoadWorker worker = new LoadWorker(scenario, c, template, window, clock);
      Thread thread =
          new Thread(null, worker, "load-" + scenario.index() + "-" + c, THREAD_STACK_BYTES);
      thread.setDaemon(true);
      workers.add(worker);
      threads.add(thread);
    }
    if (rss != null) {
      rss.resetMax();
    }
    threads.forEach(Thread::start);
    joinAll(scenario, threads, workers, window.endNanos() + JOIN_GRACE_NANOS);
    long maxRss = rss == null ? -1 : rss.resetMax();
    return merge(scenario, workers, window, maxRss);
  }

  private static void joinAll(
      Scenario scenario, List<Thread> threads, List<LoadWorker> workers, long deadline) {
    for (int i = 0; i < threads.size(); i++) {
      long wait = deadline - System.nanoTime();
      try {
        threads.get(i).join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
        if (threads.get(i).isAlive()) {
          workers.get(i).closeSocket();
          threads.get(i).join(TimeUnit.SECONDS.toMillis(1));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BenchmarkException(
            "Interrupted while waiting for the load threads of scenario: " + scenario.name());
      }
    }
  }

  private static ScenarioResult merge(
      Scenario scenario, List<LoadWorker> workers, LoadWindow window, long maxRss) {
    Histogram latency = new Histogram(LoadWorker.HIGHEST_LATENCY_MICROS, 3);
    long requests = 0;
    long non200 = 0;
    long ioErrors = 0;
    long connects = 0;
    String firstError = null;
    List<ConnectionLog> logs = new ArrayList<>();
    for (LoadWorker worker : workers) {
      latency.add(worker.latencyMicros());
      requests += worker.measured();
      non200 += worker.non200();
      ioErrors += worker.ioErrors();
      connects += worker.connects();
      firstError = firstError == null ? worker.firstError() : firstError;
      logs.add(worker.log());
    }
    double seconds = window.measured().toNanos() / 1e9;
    long reconnects = Math.max(0, connects - workers.size());
    return new ScenarioResult(
        scenario,
        requests,
        non200,
        ioErrors,
        reconnects,
        requests / seconds,
        latency,
        maxRss,
        List.copyOf(logs),
        firstError);
  }
}
