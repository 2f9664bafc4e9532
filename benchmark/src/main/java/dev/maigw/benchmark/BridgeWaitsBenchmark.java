package dev.maigw.benchmark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Holds thousands of bridge waits open ({@code POST …/messages?wait=}, each on its own connection)
 * while a separate loop posts webhooks, and prints the webhooks' latency and what became of every
 * wait. Shows that waiting callers hold no server thread: webhooks stay fast however many callers
 * wait. Run by {@code bin/bench-bridge-waits} against a gateway pointed at the emulator, whose
 * reply delay must outlast the webhook phase.
 *
 * <p>Usage: {@code BridgeWaitsBenchmark <gateway base URL> <API key> [waits] [webhook seconds]
 * [webhooks per second]}.
 */
public final class BridgeWaitsBenchmark {

  private static final Pattern OPEN_WAITS =
      Pattern.compile("maigw_bridge_waits_open(?:\\{[^}]*})? ([0-9.eE+-]+)");
  private static final Pattern GC_PAUSES =
      Pattern.compile("jvm_gc_pause_seconds_(count|sum)\\{[^}]*} ([0-9.eE+-]+)");
  private static final int WAIT_SECONDS = 280;
  private static final int STEP = 250;

  private final HttpClient http = HttpClient.newHttpClient();
  private final LoopbackTarget target;
  private final String base;
  private final String apiKey;

  private BridgeWaitsBenchmark(LoopbackTarget target, String base, String apiKey) {
    this.target = target;
    this.base = base;
    this.apiKey = apiKey;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println(
          "usage: BridgeWaitsBenchmark <gateway base URL> <API key> [waits] [webhook seconds]"
              + " [webhooks per second]");
      System.exit(2);
    }
    LoopbackTarget target = LoopbackTarget.parse(args[0]); // refuses anything but loopback
    int waits = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    int rate = args.length > 4 ? Integer.parseInt(args[4]) : 200;
    String emulator = args.length > 5 ? LoopbackTarget.parse(args[5]).url() : null;
    new BridgeWaitsBenchmark(target, args[0].replaceAll("/+$", ""), args[1])
        .run(waits, seconds, rate, emulator);
  }

  private void run(int waits, int seconds, int rate, String emulator) throws Exception {
    long setupStart = System.nanoTime();
    List<String> conversations = createConversations(waits);
    System.out.printf(
        "created %d conversations in %.1f s%n", waits, (System.nanoTime() - setupStart) / 1e9);
    List<byte[]> requests = new ArrayList<>();
    for (int i = 0; i < waits; i++) {
      requests.add(
          OpenRequests.request(
              "POST",
              target.hostHeader(),
              "/api/conversations/" + conversations.get(i) + "/messages?wait=" + WAIT_SECONDS,
              apiKey,
              "{\"content\":\"wait " + i + "\"}"));
    }
    try (OpenRequests open =
        new OpenRequests(new InetSocketAddress(target.address(), target.port()), requests)) {
      long openStart = System.nanoTime();
      open.start();
      double openWaits = openInSteps(open, waits);
      System.out.printf(
          "%d waits open at the gateway after %.1f s (%d still unanswered at the client)%n",
          (long) openWaits, (System.nanoTime() - openStart) / 1e9, open.open());
      if (emulator != null) {
        awaitDispatched(emulator.replaceAll("/+$", ""), waits);
      }
      Histogram webhooks = new Histogram(60_000_000_000L, 3);
      int failed = postWebhooks(seconds, rate, webhooks);
      long stillOpen = open.open();
      System.out.printf(
          "webhooks while %d waits were open: %d sent at %d/s for %d s, %d not 200; latency p50"
              + " %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
          stillOpen,
          webhooks.getTotalCount() + failed,
          rate,
          seconds,
          failed,
          webhooks.getValueAtPercentile(50) / 1e6,
          webhooks.getValueAtPercentile(99) / 1e6,
          webhooks.getValueAtPercentile(99.9) / 1e6,
          webhooks.getMaxValue() / 1e6);
      printGc(get("/actuator/prometheus"));
      boolean all = open.awaitAll(WAIT_SECONDS + 30);
      report(open.outcomes(), all);
    }
  }

  private List<String> createConversations(int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<String>> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(pool.submit(this::createConversation));
    }
    List<String> conversations = new ArrayList<>();
    for (Future<String> id : ids) {
      conversations.add(id.get());
    }
    pool.shutdown();
    return conversations;
  }

  private String createConversation() throws IOException, InterruptedException {
    HttpResponse<String> response = post("/api/conversations", "{}");
    Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(response.body());
    if (response.statusCode() != 201 || !id.find()) {
      throw new BenchmarkException(
          "Creating a conversation answered " + response.statusCode() + ": " + response.body());
    }
    return id.group(1);
  }

  /**
   * Opens the waits {@value #STEP} at a time, each step once the gateway has registered the last,
   * so the ramp-up measures nothing and overloads nothing. Gives up after three minutes.
   */
  private double openInSteps(OpenRequests open, int waits) throws Exception {
    double registered = 0;
    long deadline = System.nanoTime() + 180_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (registered >= open.started() - open.answered() && open.started() < waits) {
        open.openNext(STEP);
      }
      Thread.sleep(100);
      Matcher gauge = OPEN_WAITS.matcher(get("/actuator/prometheus"));
      registered = gauge.find() ? Double.parseDouble(gauge.group(1)) : 0;
      if (open.started() == waits && registered >= waits - open.answered()) {
        break;
      }
    }
    return registered;
  }

  /**
   * Waits until the emulator has received every send, so the webhook phase measures waiting
   * callers, not the dispatch of their sends.
   */
  private void awaitDispatched(String emulator, int waits) throws Exception {
    long start = System.nanoTime();
    int received = 0;
    for (int i = 0; i < 300 && received < waits; i++) {
      String body =
          http.send(
                  HttpRequest.newBuilder(
                          URI.create(emulator + "/_emulator/requests?path=/api/v1/messages/"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      received = body.split("\"method\":\"POST\"", -1).length - 1;
      if (received < waits) {
        Thread.sleep(1000);
      }
    }
    System.out.printf(
        "%d of %d sends had reached MaiAgent after another %.1f s%n",
        received, waits, (System.nanoTime() - start) / 1e9);
  }

  /** Posts unique webhooks at a fixed rate from four threads; returns how many were not 200. */
  private int postWebhooks(int seconds, int rate, Histogram latency) throws Exception {
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    int total = seconds * rate;
    long start = System.nanoTime();
    long intervalNanos = 1_000_000_000L / rate;
    ExecutorService posters = Executors.newFixedThreadPool(4);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      done.add(
          posters.submit(
              () -> {
                for (int n = next.getAndIncrement(); n < total; n = next.getAndIncrement()) {
                  long due = start + n * intervalNanos;
                  long now = System.nanoTime();
                  if (due > now) {
                    Thread.sleep((due - now) / 1_000_000, (int) ((due - now) % 1_000_000));
                  }
                  // Latency from when it was due, so a stalled server is not hidden.
                  int status = webhook("bench-webhook-" + n);
                  long elapsed = System.nanoTime() - Math.min(due, System.nanoTime());
                  if (status == 200) {
                    synchronized (latency) { // four posters, one (unsynchronised) histogram
                      latency.recordValue(Math.max(0, elapsed));
                    }
                  } else {
                    failed.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    posters.shutdown();
    return failed.get();
  }

  private int webhook(String id) throws IOException, InterruptedException {
    String body =
        "{\"id\":\""
            + id
            + "\",\"conversation\":\"bench-unbridged\",\"sender\":{\"id\":1,\"name\":\"bot\"},"
            + "\"type\":\"outgoing\",\"content\":\"回覆\",\"createdAt\":\""
            + System.currentTimeMillis()
            + "\",\"attachments\":[],\"citations\":[]}";
    return http.send(
            HttpRequest.newBuilder(URI.create(base + "/maiagent/webhook"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** The gateway's garbage-collection pauses so far, summed over collectors. */
  private static void printGc(String metrics) {
    double count = 0;
    double seconds = 0;
    Matcher m = GC_PAUSES.matcher(metrics);
    while (m.find()) {
      if (m.group(1).equals("count")) {
        count += Double.parseDouble(m.group(2));
      } else {
        seconds += Double.parseDouble(m.group(2));
      }
    }
    System.out.printf("gateway GC pauses so far: %d, %.2f s in total%n", (long) count, seconds);
  }

  private static void report(List<OpenRequests.Outcome> outcomes, boolean allAnswered) {
    Map<String, Integer> counts = new TreeMap<>();
    for (int i = 0; i < outcomes.size(); i++) {
      OpenRequests.Outcome outcome = outcomes.get(i);
      String kind;
      if (outcome.status() == 200) {
        kind = outcome.body().contains("「wait " + i + "」") ? "200 with its own reply" : "200 WRONG";
      } else if (outcome.status() == 0) {
        kind = "no answer (" + outcome.error() + ")";
      } else {
        kind = Integer.toString(outcome.status());
      }
      counts.merge(kind, 1, Integer::sum);
    }
    System.out.printf(
        "waits: %d, %s; outcomes: %s%n",
        outcomes.size(), allAnswered ? "all answered" : "NOT all answered in time", counts);
  }

  private HttpResponse<String> post(String path, String json)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + apiKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A GET with the API key, which {@code /actuator/prometheus} needs too. */
  private String get(String path) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + apiKey)
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
