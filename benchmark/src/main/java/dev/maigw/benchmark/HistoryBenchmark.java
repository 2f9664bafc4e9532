package dev.maigw.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;

/**
 * Cost as history grows: the same reads and the same intake load against a store of any size. Run
 * by {@code bin/bench-history}, which fills a stopped gateway's file ({@link HistoryFill}) between
 * two measurements and compares them.
 *
 * <p>Usage: {@code HistoryBenchmark fill <sqlite file> <messages> <conversations>}; {@code
 * HistoryBenchmark measure <base URL> <API key> <target id> <label> <results.tsv>}; {@code
 * HistoryBenchmark compare <results.tsv>}.
 */
public final class HistoryBenchmark {

  private static final int WARMUP_LOADS = 50;
  // 1,000 timed loads put p99 on the tenth-slowest request, not the third: steadier on a shared
  // machine, where one stall otherwise moves p99 by half.
  private static final int LOADS = 1000;

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final String base;
  private final String apiKey;

  private HistoryBenchmark(String base, String apiKey) {
    this.base = base;
    this.apiKey = apiKey;
  }

  public static void main(String[] args) throws Exception {
    switch (args.length > 0 ? args[0] : "") {
      case "fill" -> {
        long start = System.nanoTime();
        long added =
            new HistoryFill(args[1]).fillTo(Long.parseLong(args[2]), Integer.parseInt(args[3]));
        System.out.printf(
            "history: added %,d messages in %.1f s%n", added, (System.nanoTime() - start) / 1e9);
      }
      case "measure" -> {
        LoopbackTarget.parse(args[1]); // refuses anything but loopback
        new HistoryBenchmark(args[1].replaceAll("/+$", ""), args[2])
            .measure(args[3], args[4], Path.of(args[5]));
      }
      case "compare" -> compare(Path.of(args[1]));
      case "receive" -> receive(Integer.parseInt(args[1]));
      default -> {
        System.err.println(
            "usage: HistoryBenchmark fill|measure|compare ... (see bin/bench-history)");
        System.exit(2);
      }
    }
  }

  private void measure(String targetId, String label, Path results) throws Exception {
    // A gateway just started may still forward the previous stage's intake: wait it out, so
    // every stage measures an idle gateway.
    awaitNoPendingDeliveries(targetId, label);
    String cookie = signIn();
    String old = URLEncoder.encode(HistoryFill.conversationId(7), StandardCharsets.UTF_8);
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("conversation page (latest)", "/api/conversations?limit=50");
    pages.put(
        "conversation page (second)",
        "/api/conversations?limit=50&before=" + enc(nextCursor("/api/conversations?limit=50")));
    pages.put("conversation messages (old)", "/api/conversations/" + old + "/messages?limit=50");
    pages.put("message search (q=退貨)", "/console/messages?q=" + enc("退貨"));
    pages.put("message search (conversation)", "/console/messages?conversation=" + old);
    pages.put("deliveries list (target)", "/api/deliveries?limit=50&targetId=" + targetId);
    pages.put("target health", "/api/targets/" + targetId + "/health");
    pages.put("SSE resume after=1 (first event)", "/api/stream?after=1");
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, Histogram> read : time(pages, cookie).entrySet()) {
      out.append(row(label, read.getKey(), read.getValue()));
    }
    out.append(intake(label));
    awaitNoPendingDeliveries(targetId, label);
    System.out.print(out);
    Files.writeString(results, out, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** The {@code nextCursor} of a list page (the fill makes every page it reads full). */
  private String nextCursor(String path) throws Exception {
    HttpResponse<String> answer = get(path);
    java.util.regex.Matcher cursor =
        java.util.regex.Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"")
            .matcher(answer.body());
    if (answer.statusCode() != 200 || !cursor.find()) {
      throw new BenchmarkException(path + " gave no next cursor: " + answer.statusCode());
    }
    return cursor.group(1);
  }

  /** One GET of an API route with the API key, its body as text. */
  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + apiKey)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private String intake(String label) {
    LoopbackTarget target = LoopbackTarget.parse(base + "/maiagent/webhook");
    Scenario scenario = new Scenario(0, Scenario.Endpoint.DURABLE, target, new Load.ClosedLoop(64));
    WebhookRequestTemplate template =
        new WebhookRequestTemplate(target, RequestIds.forRun(Clock.systemUTC(), new Random()));
    ScenarioResult result =
        new LoadScenario(Clock.systemUTC())
            .run(scenario, template, Duration.ofSeconds(5), Duration.ofSeconds(20), null);
    System.out.printf(
        "%s: intake answered %d non-200s and %d I/O errors%n",
        label, result.non200(), result.ioErrors());
    return String.format(
        "%s\tintake c=64 req/s\t%.0f\t%.0f%n%s\tintake c=64 latency (ms)\t%.2f\t%.2f%n",
        label,
        result.requestsPerSecond(),
        result.requestsPerSecond(),
        label,
        result.latencyMillis(50),
        result.latencyMillis(99));
  }

  private static String row(String label, String what, Histogram h) {
    return String.format(
        "%s\t%s\t%.2f\t%.2f%n",
        label, what, h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0);
  }

  /**
   * Loads every path one request at a time, in rounds that take each path once: a stall of the
   * shared machine then falls on all reads alike instead of on whichever was being timed. Latency
   * is to the last byte (SSE: to the first event).
   */
  private Map<String, Histogram> time(Map<String, String> paths, String cookie) throws Exception {
    Map<String, Histogram> latencies = new LinkedHashMap<>();
    paths.keySet().forEach(what -> latencies.put(what, new Histogram(60_000_000L, 3)));
    for (int round = 0; round < WARMUP_LOADS + LOADS; round++) {
      for (Map.Entry<String, String> path : paths.entrySet()) {
        long start = System.nanoTime();
        load(path.getValue(), cookie);
        if (round >= WARMUP_LOADS) {
          latencies
              .get(path.getKey())
              .recordValue(Math.min(60_000_000L, (System.nanoTime() - start) / 1000));
        }
      }
    }
    return latencies;
  }

  private void awaitNoPendingDeliveries(String targetId, String label) throws Exception {
    long start = System.nanoTime();
    java.util.regex.Pattern pending = java.util.regex.Pattern.compile("\"pending\"\\s*:\\s*0\\b");
    while (true) {
      HttpResponse<String> health = get("/api/targets/" + targetId + "/health");
      if (health.statusCode() == 200 && pending.matcher(health.body()).find()) {
        break;
      }
      if (System.nanoTime() - start > Duration.ofMinutes(10).toNanos()) {
        throw new BenchmarkException("Deliveries still pending after 10 min: " + health.body());
      }
      Thread.sleep(500);
    }
    System.out.printf(
        "%s: no delivery pending after %.1f s%n", label, (System.nanoTime() - start) / 1e9);
  }

  private void load(String path, String cookie) throws Exception {
    boolean firstEvent = path.startsWith("/api/stream");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (path.startsWith("/console/")) {
      request.header("Cookie", cookie);
    } else {
      request.header("Authorization", "Bearer " + apiKey);
    }
    if (!firstEvent) {
      HttpResponse<byte[]> answer =
          http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (answer.statusCode() != 200) {
        throw new BenchmarkException(path + " answered " + answer.statusCode());
      }
      return;
    }
    HttpResponse<InputStream> answer =
        http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = answer.body();
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith("data:")) {
          return;
        }
      }
      throw new BenchmarkException(path + " ended before its first event");
    }
  }

  private String signIn() throws IOException, InterruptedException {
    HttpResponse<Void> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/console/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("apiKey=" + enc(apiKey)))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    String cookie =
        answer
            .headers()
            .firstValue("Set-Cookie")
            .orElseThrow(() -> new BenchmarkException("Sign-in answered " + answer.statusCode()));
    return cookie.substring(0, cookie.indexOf(';'));
  }

  /** A forwarding target on loopback that answers every delivery 200, until killed. */
  private static void receive(int port) throws IOException {
    com.sun.net.httpserver.HttpServer server =
        com.sun.net.httpserver.HttpServer.create(
            new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 128);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  /** Prints each measure of the first label next to every later label's, with the ratio. */
  private static void compare(Path results) throws IOException {
    List<String[]> rows = Files.readAllLines(results).stream().map(l -> l.split("\t")).toList();
    String first = rows.get(0)[0];
    Map<String, String[]> before = new LinkedHashMap<>();
    rows.stream().filter(r -> r[0].equals(first)).forEach(r -> before.put(r[1], r));
    List<String> later =
        rows.stream().map(r -> r[0]).distinct().filter(l -> !l.equals(first)).toList();
    for (String label : later) {
      System.out.printf(
          "%n%-36s %21s %21s %8s%n", "", first + " p50/p99", label + " p50/p99", "p99 ×");
      for (String[] r : rows) {
        String[] b = before.get(r[1]);
        if (!r[0].equals(label) || b == null) {
          continue;
        }
        double ratio = Double.parseDouble(r[3]) / Math.max(0.001, Double.parseDouble(b[3]));
        System.out.printf("%-36s %10s %10s %10s %10s %8.2f%n", r[1], b[2], b[3], r[2], r[3], ratio);
      }
    }
  }
}
