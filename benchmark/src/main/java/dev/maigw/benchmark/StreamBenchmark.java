package dev.maigw.benchmark;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Fan-out of the live stream: for each stream count, opens that many SSE streams on the gateway,
 * posts webhooks at a fixed rate, and prints the fan-out lag (webhook sent, which includes its
 * commit, to the event read by each stream) and the store reads per second the gateway's message
 * tail and stream catch-ups made meanwhile (from {@code /actuator/prometheus}). Run by {@code
 * bin/bench-stream}. The streams are read by {@link SseSockets} on one thread.
 *
 * <p>Usage: {@code StreamBenchmark <gateway base URL> <API key> [rate] [seconds] [stream counts]}.
 */
public final class StreamBenchmark {

  private static final Pattern CURSOR = Pattern.compile("\"cursor\":\"(\\d+)\"");

  private final String base;
  private final String apiKey;
  private final HttpClient posts = HttpClient.newHttpClient();
  private final AtomicInteger sequence = new AtomicInteger();
  private final Histogram acks = new org.HdrHistogram.ConcurrentHistogram(3);
  private final Map<Long, Long> acked = new ConcurrentHashMap<>();

  private StreamBenchmark(String base, String apiKey) {
    this.base = base;
    this.apiKey = apiKey;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println(
          "usage: StreamBenchmark <gateway base URL> <API key> [rate] [seconds] [counts]");
      System.exit(2);
    }
    LoopbackTarget.parse(args[0]);
    int rate = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    String counts = args.length > 4 ? args[4] : "10,100,1000";
    StreamBenchmark benchmark = new StreamBenchmark(args[0].replaceAll("/+$", ""), args[1]);
    System.out.printf("stream fan-out: %d webhooks/s for %d s per stream count%n", rate, seconds);
    // Warm-up, not reported: the JIT compiles the intake and fan-out paths first.
    benchmark.phase(100, rate, 5, false);
    for (String count : counts.split(",")) {
      benchmark.phase(Integer.parseInt(count.trim()), rate, seconds, true);
    }
    System.exit(0);
  }

  private void phase(int count, int rate, int seconds, boolean report) throws Exception {
    Recorder lag = new Recorder(3);
    Recorder afterAck = new Recorder(3);
    acks.reset();
    acked.clear();
    AtomicLong received = new AtomicLong();
    SseSockets sockets = open(count, lag, afterAck, received);
    double tailBefore = metric("maigw_stream_tail_reads_total");
    double catchUpBefore = metric("maigw_stream_catchup_reads_total");
    double commitsBefore = metric("maigw_commit_batch_size_count");
    long start = System.nanoTime();
    int posted = post(rate, seconds);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (received.get() < (long) posted * count && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    double tailReads = metric("maigw_stream_tail_reads_total") - tailBefore;
    double catchUpReads = metric("maigw_stream_catchup_reads_total") - catchUpBefore;
    double commits = metric("maigw_commit_batch_size_count") - commitsBefore;
    sockets.close();
    awaitClosed();
    if (!report) {
      return;
    }
    Histogram lags = lag.getIntervalHistogram();
    Histogram lagsAfterAck = afterAck.getIntervalHistogram();
    System.out.printf(
        "%5d streams: %d webhooks, %d of %d events received%n"
            + "   sent -> event read: p50 %.1f ms, p99 %.1f ms, max %.1f ms"
            + " (sent -> 200 after commit: p50 %.1f ms, p99 %.1f ms)%n"
            + "   200 -> event read: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n"
            + "   store reads: %.1f/s by the tail, %.1f/s by catch-ups, for %.1f commits/s%n",
        count,
        posted,
        received.get(),
        (long) posted * count,
        lags.getValueAtPercentile(50) / 1e6,
        lags.getValueAtPercentile(99) / 1e6,
        lags.getMaxValue() / 1e6,
        acks.getValueAtPercentile(50) / 1e6,
        acks.getValueAtPercentile(99) / 1e6,
        lagsAfterAck.getValueAtPercentile(50) / 1e6,
        lagsAfterAck.getValueAtPercentile(99) / 1e6,
        lagsAfterAck.getMaxValue() / 1e6,
        tailReads / elapsed,
        catchUpReads / elapsed,
        commits / elapsed);
  }

  /**
   * Waits until the gateway has noticed every hung-up stream (at its next writes, two keep-alives
   * at the latest), so the next phase's streams all get a slot.
   */
  private void awaitClosed() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
    while (metric("maigw_stream_open") > 0 && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    if (metric("maigw_stream_open") > 0) {
      System.out.printf(
          "   (%.0f streams still open at the gateway)%n", metric("maigw_stream_open"));
    }
  }

  /** Opens {@code count} streams after the latest message and waits until the gateway has all. */
  private SseSockets open(int count, Recorder lag, Recorder afterAck, AtomicLong received)
      throws Exception {
    URI uri = URI.create(base);
    SseSockets sockets =
        new SseSockets(
            new InetSocketAddress(uri.getHost(), uri.getPort()),
            SseSockets.request(uri.getHost() + ":" + uri.getPort(), apiKey, latestCursor()),
            count,
            new StreamReader(lag, afterAck, acked, received));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (metric("maigw_stream_open") < count
        && sockets.refused() == 0
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    if (metric("maigw_stream_open") < count) {
      sockets.close();
      throw new BenchmarkException(
          "Only "
              + metric("maigw_stream_open")
              + " streams opened ("
              + sockets.refused()
              + " refused).");
    }
    return sockets;
  }

  /** Posts webhooks at {@code rate} per second for {@code seconds}; returns how many were 200. */
  private int post(int rate, int seconds) throws Exception {
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    List<CompletableFuture<HttpResponse<Void>>> answers =
        java.util.Collections.synchronizedList(new ArrayList<>());
    ScheduledFuture<?> ticks =
        clock.scheduleAtFixedRate(
            () -> {
              long sent = System.nanoTime();
              answers.add(
                  posts
                      .sendAsync(webhook(sent), HttpResponse.BodyHandlers.discarding())
                      .whenComplete(
                          (r, e) -> {
                            long ack = System.nanoTime();
                            acked.put(sent, ack);
                            acks.recordValue(ack - sent);
                          }));
            },
            0,
            1_000_000 / rate,
            TimeUnit.MICROSECONDS);
    clock.schedule(() -> ticks.cancel(false), seconds, TimeUnit.SECONDS).get();
    clock.shutdown();
    int ok = 0;
    synchronized (answers) {
      for (CompletableFuture<HttpResponse<Void>> answer : answers) {
        try {
          ok += answer.get(30, TimeUnit.SECONDS).statusCode() == 200 ? 1 : 0;
        } catch (ExecutionException failed) {
          System.out.println("  a webhook failed: " + failed.getCause());
        }
      }
    }
    return ok;
  }

  private HttpRequest webhook(long sentNanos) {
    int n = sequence.incrementAndGet();
    String body =
        "{\"id\":\"bench-stream-"
            + n
            + "\",\"conversation\":\"bench-conv-"
            + (n % 50)
            + "\",\"sender\":{\"id\":1,\"name\":\"bench\"},\"type\":\"outgoing\","
            + "\"content\":\"bench t="
            + sentNanos
            + "\",\"createdAt\":\"1747723272345\",\"attachments\":[],\"citations\":[]}";
    return HttpRequest.newBuilder(URI.create(base + "/maiagent/webhook"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
  }

  private String latestCursor() throws Exception {
    String page = get("/api/conversations?limit=1", true);
    Matcher cursor = CURSOR.matcher(page);
    return cursor.find() ? cursor.group(1) : "0";
  }

  /** A metric's value on {@code /actuator/prometheus} (summed over its series), 0 if absent. */
  private double metric(String name) throws Exception {
    double sum = 0;
    for (String line : get("/actuator/prometheus", true).split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  private String get(String path, boolean api) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (api) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    return posts.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
