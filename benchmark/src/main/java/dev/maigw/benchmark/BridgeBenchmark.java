package dev.maigw.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Measures the bridge's own overhead: from a reply's commit to the waiting caller being answered
 * ({@code maigw_bridge_handoff_seconds}, read from the gateway's metrics), with many sends waiting
 * at once. Run by {@code bin/bench-bridge} against a gateway pointed at the emulator.
 *
 * <p>Usage: {@code BridgeBenchmark <gateway base URL> <API key> [waiters] [rounds]}.
 */
public final class BridgeBenchmark {

  private static final Pattern BUCKET =
      Pattern.compile("maigw_bridge_handoff_seconds_bucket\\{le=\"([^\"]+)\"} ([0-9.eE+-]+)");
  private static final Pattern MAX =
      Pattern.compile("maigw_bridge_handoff_seconds_max(?:\\{[^}]*})? ([0-9.eE+-]+)");
  private static final Pattern COUNT =
      Pattern.compile("maigw_bridge_handoff_seconds_count(?:\\{[^}]*})? ([0-9.eE+-]+)");

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String apiKey;

  private BridgeBenchmark(String base, String apiKey) {
    this.base = base;
    this.apiKey = apiKey;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: BridgeBenchmark <gateway base URL> <API key> [waiters] [rounds]");
      System.exit(2);
    }
    LoopbackTarget.parse(args[0]); // refuses anything but loopback
    int waiters = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    new BridgeBenchmark(args[0].replaceAll("/+$", ""), args[1]).run(waiters, rounds);
  }

  private void run(int waiters, int rounds) throws Exception {
    List<String> conversations = new ArrayList<>();
    for (int i = 0; i < waiters; i++) {
      conversations.add(createConversation());
    }
    Histogram roundTrip = new Histogram(60_000_000_000L, 3);
    ExecutorService callers = Executors.newFixedThreadPool(waiters);
    int failures = 0;
    for (int round = 0; round < rounds; round++) {
      List<Future<Long>> calls = new ArrayList<>();
      for (int i = 0; i < waiters; i++) {
        String conversation = conversations.get(i);
        String text = "bench " + round + "-" + i;
        calls.add(callers.submit(() -> timedSend(conversation, text)));
      }
      for (Future<Long> call : calls) {
        long nanos = call.get();
        if (nanos < 0) {
          failures++;
        } else {
          roundTrip.recordValue(nanos);
        }
      }
    }
    callers.shutdown();
    report(waiters, rounds, failures, roundTrip, metrics());
  }

  private String createConversation() throws IOException, InterruptedException {
    HttpResponse<String> response = post("/api/conversations", "{}");
    if (response.statusCode() != 201) {
      throw new BenchmarkException(
          "Creating a conversation answered " + response.statusCode() + ": " + response.body());
    }
    Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(response.body());
    if (!id.find()) {
      throw new BenchmarkException("No conversation id in: " + response.body());
    }
    return id.group(1);
  }

  /** Round trip in nanoseconds, or -1 when the send did not come back with its reply. */
  private long timedSend(String conversation, String text) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response =
        post(
            "/api/conversations/" + conversation + "/messages?wait=60",
            "{\"content\":\"" + text + "\"}");
    long elapsed = System.nanoTime() - start;
    return response.statusCode() == 200 && response.body().contains(text) ? elapsed : -1;
  }

  private HttpResponse<String> post(String path, String json)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(90))
            .header("Authorization", "Bearer " + apiKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String metrics() throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + apiKey)
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static void report(
      int waiters, int rounds, int failures, Histogram roundTrip, String metrics) {
    System.out.printf(
        "bridge: %d concurrent waits x %d rounds = %d sends, %d without their reply%n",
        waiters, rounds, waiters * rounds, failures);
    System.out.printf(
        "caller round trip (send -> MaiAgent emulator -> webhook -> answer): p50 %.2f ms, p99"
            + " %.2f ms, max %.2f ms%n",
        roundTrip.getValueAtPercentile(50) / 1e6,
        roundTrip.getValueAtPercentile(99) / 1e6,
        roundTrip.getMaxValue() / 1e6);
    List<double[]> buckets = new ArrayList<>();
    Matcher bucket = BUCKET.matcher(metrics);
    while (bucket.find()) {
      double le =
          bucket.group(1).equals("+Inf")
              ? Double.POSITIVE_INFINITY
              : Double.parseDouble(bucket.group(1));
      buckets.add(new double[] {le, Double.parseDouble(bucket.group(2))});
    }
    StringBuilder handoff =
        new StringBuilder("bridge handoff (reply committed -> caller answered):");
    for (double q : new double[] {0.50, 0.99}) {
      handoff.append(
          String.format(" p%d <= %.3f ms,", Math.round(q * 100), upperBound(buckets, q) * 1e3));
    }
    handoff.append(String.format(" %.1f %% within 5 ms,", shareWithin(buckets, 0.005) * 100));
    Matcher max = MAX.matcher(metrics);
    if (max.find()) {
      handoff.append(String.format(" max %.3f ms", Double.parseDouble(max.group(1)) * 1e3));
    }
    Matcher count = COUNT.matcher(metrics);
    if (count.find()) {
      handoff.append(String.format(" (%s samples)", trim(Double.parseDouble(count.group(1)))));
    }
    System.out.println(handoff);
  }

  /** The smallest histogram bucket bound below which a fraction {@code q} of samples lie. */
  private static double upperBound(List<double[]> cumulativeBuckets, double q) {
    if (cumulativeBuckets.isEmpty()) {
      return Double.NaN;
    }
    double total = cumulativeBuckets.get(cumulativeBuckets.size() - 1)[1];
    for (double[] bucket : cumulativeBuckets) {
      if (bucket[1] >= q * total) {
        return bucket[0];
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  /** Fraction of samples in buckets whose upper bound is at most {@code seconds}. */
  private static double shareWithin(List<double[]> cumulativeBuckets, double seconds) {
    if (cumulativeBuckets.isEmpty()) {
      return Double.NaN;
    }
    double total = cumulativeBuckets.get(cumulativeBuckets.size() - 1)[1];
    double within = 0;
    for (double[] bucket : cumulativeBuckets) {
      if (bucket[0] <= seconds) {
        within = bucket[1];
      }
    }
    return total == 0 ? Double.NaN : within / total;
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
