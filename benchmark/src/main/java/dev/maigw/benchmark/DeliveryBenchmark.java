package dev.maigw.benchmark;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Delivery lag under intake load: two healthy local targets and one that always fails, intake at a
 * fixed rate (after a warm-up at the same rate); then, from the gateway's SQLite file, the time
 * from each measured message's storing to its target's 2xx ({@code delivered_at_ms -
 * received_at_ms}) for the healthy targets. Run by {@code bin/bench-delivery}.
 *
 * <p>Usage: {@code DeliveryBenchmark <gateway base URL> <API key> <sqlite file> [rate] [seconds]
 * [warm-up seconds]}.
 */
public final class DeliveryBenchmark {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String apiKey;

  private DeliveryBenchmark(String base, String apiKey) {
    this.base = base;
    this.apiKey = apiKey;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println(
          "usage: DeliveryBenchmark <gateway base URL> <API key> <sqlite file> [rate] [seconds]"
              + " [warm-up seconds]");
      System.exit(2);
    }
    LoopbackTarget.parse(args[0]);
    int rate = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
    int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 20;
    int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 20;
    FailingTarget failing = FailingTarget.parse(args.length > 6 ? args[6] : "500");
    new DeliveryBenchmark(args[0].replaceAll("/+$", ""), args[1])
        .run(args[2], rate, seconds, warmup, failing);
  }

  /** The third target, the one that never succeeds, or none for a baseline. */
  enum FailingTarget {
    /** Answers every delivery 500 at once. */
    STATUS_500,
    /** Nothing listens on its port: every connection is refused. */
    REFUSED,
    /** Accepts the request and never answers: every attempt runs into the target's timeout. */
    HANG,
    /** No third target. */
    NONE;

    static FailingTarget parse(String value) {
      return switch (value) {
        case "500" -> STATUS_500;
        case "refused" -> REFUSED;
        case "hang" -> HANG;
        case "none" -> NONE;
        default ->
            throw new BenchmarkException(
                "The failing target must be 500, refused, hang or none: " + value);
      };
    }
  }

  private void run(String sqlite, int rate, int seconds, int warmupSeconds, FailingTarget failing)
      throws Exception {
    HttpServer healthyA = receiver(200);
    HttpServer healthyB = receiver(200);
    List<String> healthy = new ArrayList<>();
    healthy.add(createTarget("healthy-a", healthyA.getAddress().getPort()));
    healthy.add(createTarget("healthy-b", healthyB.getAddress().getPort()));
    HttpServer failingServer = null;
    String failingId = null;
    switch (failing) {
      case STATUS_500 -> failingServer = receiver(500);
      case HANG -> failingServer = hangingReceiver();
      case REFUSED -> failingId = createTarget("always-refused", closedPort());
      case NONE -> {}
    }
    if (failingServer != null) {
      failingId = createTarget("always-failing", failingServer.getAddress().getPort());
    }

    LoopbackTarget intake = LoopbackTarget.parse(base + "/maiagent/webhook");
    Clock clock = Clock.systemUTC();
    WebhookRequestTemplate requests =
        new WebhookRequestTemplate(intake, RequestIds.forRun(clock, new SplittableRandom()));
    // Two scenario numbers, so the measured run's message ids differ from the warm-up's.
    Scenario warmupLoad =
        new Scenario(0, Scenario.Endpoint.DURABLE, intake, new Load.FixedRate(rate, 64));
    Scenario measuredLoad =
        new Scenario(1, Scenario.Endpoint.DURABLE, intake, new Load.FixedRate(rate, 64));

    // Warm-up: the same load, so the JIT has compiled the whole path before anything is measured;
    // then let the healthy targets catch up, and measure only what is stored after that.
    if (warmupSeconds > 0) {
      new LoadScenario(clock)
          .run(
              warmupLoad, requests, Duration.ofSeconds(2), Duration.ofSeconds(warmupSeconds), null);
      drain(sqlite, healthy, 0);
    }
    long afterSeq = maxSeq(sqlite);
    long failedBefore = failingId == null ? 0 : attempts(sqlite, failingId);
    ScenarioResult load =
        new LoadScenario(clock)
            .run(measuredLoad, requests, Duration.ofSeconds(2), Duration.ofSeconds(seconds), null);
    long undelivered = drain(sqlite, healthy, afterSeq);
    long failedAttempts = failingId == null ? 0 : attempts(sqlite, failingId) - failedBefore;
    Histogram lag = lag(sqlite, healthy, afterSeq);
    System.out.printf(
        "intake: %.0f req/s for %d s after %d s of warm-up, non-200 %d%n",
        load.requestsPerSecond(), seconds, warmupSeconds, load.non200());
    System.out.printf(
        "failing target (%s): %d attempts during and after the measured load%n",
        failing.name().toLowerCase(java.util.Locale.ROOT), failedAttempts);
    System.out.printf(
        "healthy deliveries not delivered 60 s after the load ended: %d%n", undelivered);
    System.out.printf(
        "delivery lag, stored -> healthy target answered 2xx (%d deliveries, ms resolution):"
            + " p50 %d ms, p99 %d ms, p99.9 %d ms, max %d ms%n",
        lag.getTotalCount(),
        lag.getValueAtPercentile(50),
        lag.getValueAtPercentile(99),
        lag.getValueAtPercentile(99.9),
        lag.getMaxValue());
    healthyA.stop(0);
    healthyB.stop(0);
    if (failingServer != null) {
      failingServer.stop(0);
    }
  }

  /** Waits up to 60 s for the healthy targets' deliveries after {@code afterSeq}; the rest. */
  private static long drain(String sqlite, List<String> healthy, long afterSeq) throws Exception {
    long start = System.nanoTime();
    long undelivered = undelivered(sqlite, healthy, afterSeq);
    while (undelivered > 0 && System.nanoTime() - start < Duration.ofSeconds(60).toNanos()) {
      Thread.sleep(500);
      undelivered = undelivered(sqlite, healthy, afterSeq);
    }
    return undelivered;
  }

  private static Histogram lag(String sqlite, List<String> targets, long afterSeq)
      throws Exception {
    Histogram lag = new Histogram(3_600_000L, 3);
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:file:" + sqlite + "?mode=ro");
        PreparedStatement query =
            db.prepareStatement(
                "SELECT d.delivered_at_ms - m.received_at_ms FROM deliveries d"
                    + " JOIN messages m ON m.seq = d.message_seq"
                    + " WHERE d.status = 'delivered' AND d.target_id IN (?, ?)"
                    + " AND d.message_seq > ?")) {
      query.setString(1, targets.get(0));
      query.setString(2, targets.get(1));
      query.setLong(3, afterSeq);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          lag.recordValue(Math.max(0, rs.getLong(1)));
        }
      }
    }
    return lag;
  }

  private static long maxSeq(String sqlite) throws Exception {
    return single(sqlite, "SELECT COALESCE(MAX(seq), 0) FROM messages");
  }

  private static long attempts(String sqlite, String targetId) throws Exception {
    return single(
        sqlite,
        "SELECT COUNT(*) FROM delivery_attempts a JOIN deliveries d"
            + " ON d.delivery_id = a.delivery_id WHERE d.target_id = '"
            + targetId.replace("'", "''")
            + "'");
  }

  private static long single(String sqlite, String sql) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:file:" + sqlite + "?mode=ro");
        PreparedStatement query = db.prepareStatement(sql);
        ResultSet rs = query.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private static long undelivered(String sqlite, List<String> targets, long afterSeq)
      throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:file:" + sqlite + "?mode=ro");
        PreparedStatement query =
            db.prepareStatement(
                "SELECT COUNT(*) FROM deliveries WHERE status <> 'delivered'"
                    + " AND target_id IN (?, ?) AND message_seq > ?")) {
      query.setString(1, targets.get(0));
      query.setString(2, targets.get(1));
      query.setLong(3, afterSeq);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  /** A receiver that answers every request {@code status} with no body. */
  private static HttpServer receiver(int status) throws IOException {
    return loopbackServer(
        Executors.newFixedThreadPool(4, daemon("receiver")),
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
  }

  /** A receiver that reads each request and then holds it, unanswered, until it is stopped. */
  private static HttpServer hangingReceiver() throws IOException {
    return loopbackServer(
        Executors.newCachedThreadPool(daemon("hanging-receiver")),
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          try {
            Thread.sleep(Duration.ofMinutes(10).toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
  }

  private static HttpServer loopbackServer(ExecutorService executor, HttpHandler handler)
      throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", handler);
    server.start();
    return server;
  }

  /** Daemon threads: the command must end when its report is printed. */
  private static ThreadFactory daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** A loopback port nothing listens on (bound, then released). */
  private static int closedPort() throws IOException {
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private String createTarget(String name, int port) throws Exception {
    String url = "http://127.0.0.1:" + port + "/" + name;
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/targets"))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"" + name + "\",\"url\":\"" + url + "\",\"messageTypes\":[]}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(response.body());
    if (response.statusCode() != 201 || !id.find()) {
      throw new BenchmarkException("Creating a target failed: " + response.body());
    }
    return id.group(1);
  }
}
