package dev.maigw.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A long run at a steady rate, to show what grows: webhooks at a fixed rate (99 % valid, 1 %
 * unreadable bodies, each different, so each is quarantined), {@code streams} SSE clients on {@code
 * GET /api/stream}, and whatever targets the gateway forwards to. Prints one line a minute: the
 * gateway's heap after GC ({@code jvm_gc_live_data_size_bytes}), live threads, open file
 * descriptors ({@code /proc/<pid>/fd}), SQLite log size, and the minute's requests/s, non-200s,
 * p99, and events the streams received. Run by {@code bin/bench-soak}.
 *
 * <p>Usage: {@code SoakBenchmark <base URL> <API key> <gateway pid> <minutes> <rate> <streams>}.
 */
public final class SoakBenchmark {

  private static final int CONNECTIONS = 64;
  private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)(\\{[^}]*\\})? ([0-9.eE+-]+)$");

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String apiKey;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong streamEvents = new AtomicLong();
  private final AtomicLong badAnswers = new AtomicLong();
  private final AtomicLong badUnexpected = new AtomicLong();

  private SoakBenchmark(String base, String apiKey) {
    this.base = base;
    this.apiKey = apiKey;
  }

  public static void main(String[] args) throws Exception {
    LoopbackTarget.parse(args[0]); // refuses anything but loopback
    SoakBenchmark soak = new SoakBenchmark(args[0].replaceAll("/+$", ""), args[1]);
    soak.run(
        Long.parseLong(args[2]),
        Integer.parseInt(args[3]),
        Integer.parseInt(args[4]),
        Integer.parseInt(args[5]));
    System.exit(0);
  }

  private void run(long pid, int minutes, int rate, int streams) throws Exception {
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < streams; i++) {
      threads.add(daemon(this::stream));
    }
    threads.add(daemon(() -> postBadBodies(Math.max(1, rate / 100))));
    LoopbackTarget target = LoopbackTarget.parse(base + "/maiagent/webhook");
    WebhookRequestTemplate template =
        new WebhookRequestTemplate(target, RequestIds.forRun(Clock.systemUTC(), new Random()));
    System.out.printf(
        "%6s %10s %8s %6s %10s %8s %8s %9s %10s %8s%n",
        "minute",
        "heap MiB",
        "threads",
        "fds",
        "WAL KiB",
        "req/s",
        "non-200",
        "p99 ms",
        "bad→400",
        "SSE ev/s");
    for (int minute = 1; minute <= minutes; minute++) {
      long eventsBefore = streamEvents.get();
      long badBefore = badAnswers.get();
      Scenario scenario =
          new Scenario(
              minute % RequestIds.MAX_SCENARIOS,
              Scenario.Endpoint.DURABLE,
              target,
              new Load.FixedRate(rate - rate / 100, CONNECTIONS));
      ScenarioResult result =
          new LoadScenario(Clock.systemUTC())
              .run(scenario, template, Duration.ZERO, Duration.ofMinutes(1), null);
      printMinute(
          minute, pid, result, streamEvents.get() - eventsBefore, badAnswers.get() - badBefore);
    }
    running.set(false);
    if (badUnexpected.get() > 0) {
      System.out.printf("unreadable bodies not answered 400: %d%n", badUnexpected.get());
    }
  }

  private void printMinute(int minute, long pid, ScenarioResult result, long events, long bad)
      throws IOException, InterruptedException {
    HttpResponse<String> scrape =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + apiKey)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (scrape.statusCode() != 200) {
      // Zeros in the table would read as "flat": say the column is unknown instead.
      throw new IllegalStateException(
          "GET /actuator/prometheus answered " + scrape.statusCode() + ": " + scrape.body());
    }
    String metrics = scrape.body();
    long fds;
    try (Stream<Path> open = Files.list(Path.of("/proc/" + pid + "/fd"))) {
      fds = open.count();
    }
    System.out.printf(
        "%6d %10.1f %8.0f %6d %10.0f %8.1f %8d %9.1f %10d %8.1f%n",
        minute,
        heapAfterGc(metrics) / 1048576,
        sum(metrics, "jvm_threads_live_threads"),
        fds,
        sum(metrics, "maigw_sqlite_wal_bytes") / 1024,
        result.requestsPerSecond(),
        result.non200() + result.ioErrors(),
        result.latencyMillis(99),
        bad,
        events / 60.0);
  }

  /**
   * The old generation's live data after the last full collection; before the first one (the Serial
   * collector of {@code bin/jvm-options} reports none until then) the old generation's current use,
   * which only young collections have added to.
   */
  static double heapAfterGc(String metrics) {
    double live = sum(metrics, "jvm_gc_live_data_size_bytes");
    if (live > 0) {
      return live;
    }
    return sum(metrics, "jvm_memory_used_bytes", "Tenured Gen")
        + sum(metrics, "jvm_memory_used_bytes", "Old Gen");
  }

  /** The sum of a metric's samples (all its label sets) in a Prometheus text page. */
  static double sum(String page, String name) {
    return sum(page, name, "");
  }

  /** The sum of a metric's samples whose labels contain {@code labelText}. */
  static double sum(String page, String name, String labelText) {
    double total = 0;
    for (String line : page.split("\n")) {
      Matcher m = SAMPLE.matcher(line);
      if (m.matches()
          && m.group(1).equals(name)
          && (m.group(2) == null ? labelText.isEmpty() : m.group(2).contains(labelText))) {
        total += Double.parseDouble(m.group(3));
      }
    }
    return total;
  }

  /** One SSE client: counts data frames; reconnects (from now) if the stream ends. */
  private void stream() {
    while (running.get()) {
      try {
        HttpResponse<InputStream> answer =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/stream"))
                    .header("Authorization", "Bearer " + apiKey)
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines =
            new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8))) {
          for (String line = lines.readLine(); line != null && running.get(); ) {
            if (line.startsWith("data:")) {
              streamEvents.incrementAndGet();
            }
            line = lines.readLine();
          }
        }
      } catch (IOException e) {
        sleepQuietly(1000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Posts {@code perSecond} unreadable bodies a second, each one different. */
  private void postBadBodies(int perSecond) {
    long n = 0;
    long next = System.nanoTime();
    while (running.get()) {
      next += 1_000_000_000L / perSecond;
      sleepQuietly(Math.max(0, (next - System.nanoTime()) / 1_000_000));
      String body = "{\"id\":\"soak-bad-" + n++ + "\",\"conversation\":";
      try {
        int status =
            http.send(
                    HttpRequest.newBuilder(URI.create(base + "/maiagent/webhook"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
        (status == 400 ? badAnswers : badUnexpected).incrementAndGet();
      } catch (IOException e) {
        badUnexpected.incrementAndGet();
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "soak-client");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
