package dev.maigw.benchmark;

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
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Delivery lag under intake load: two healthy local targets and one that always fails, intake at a
 * fixed rate; then, from the gateway's SQLite file, the time from each message's storing to its
 * target's 2xx ({@code delivered_at_ms - received_at_ms}) for the healthy targets. Run by {@code
 * bin/bench-delivery}.
 *
 * <p>Usage: {@code DeliveryBenchmark <gateway base URL> <API key> <sqlite file> [rate] [seconds]}.
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
          "usage: DeliveryBenchmark <gateway base URL> <API key> <sqlite file> [rate] [seconds]");
      System.exit(2);
    }
    LoopbackTarget.parse(args[0]);
    int rate = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
    int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 20;
    new DeliveryBenchmark(args[0].replaceAll("/+$", ""), args[1]).run(args[2], rate, seconds);
  }

  private void run(String sqlite, int rate, int seconds) throws Exception {
    HttpServer healthyA = receiver(200);
    HttpServer healthyB = receiver(200);
    HttpServer failing = receiver(500);
    List<String> healthy = new ArrayList<>();
    healthy.add(createTarget("healthy-a", healthyA));
    healthy.add(createTarget("healthy-b", healthyB));
    createTarget("always-failing", failing);

    LoopbackTarget intake = LoopbackTarget.parse(base + "/maiagent/webhook");
    Clock clock = Clock.systemUTC();
    WebhookRequestTemplate requests =
        new WebhookRequestTemplate(intake, RequestIds.forRun(clock, new SplittableRandom()));
    Scenario scenario =
        new Scenario(0, Scenario.Endpoint.DURABLE, intake, new Load.FixedRate(rate, 64));
    ScenarioResult load =
        new LoadScenario(clock)
            .run(scenario, requests, Duration.ofSeconds(2), Duration.ofSeconds(seconds), null);
    long drainStart = System.nanoTime();
    long undelivered = undelivered(sqlite, healthy);
    while (undelivered > 0 && System.nanoTime() - drainStart < Duration.ofSeconds(60).toNanos()) {
      Thread.sleep(1_000); // let the healthy targets drain
      undelivered = undelivered(sqlite, healthy);
    }
    Histogram lag = lag(sqlite, healthy);
    System.out.printf(
        "intake: %.0f req/s for %d s, non-200 %d%n",
        load.requestsPerSecond(), seconds, load.non200());
    System.out.printf(
        "healthy deliveries not delivered 60 s after the load ended: %d%n", undelivered);
    System.out.printf(
        "delivery lag, stored -> healthy target answered 2xx (%d deliveries, ms resolution):"
            + " p50 %d ms, p99 %d ms, max %d ms%n",
        lag.getTotalCount(),
        lag.getValueAtPercentile(50),
        lag.getValueAtPercentile(99),
        lag.getMaxValue());
    healthyA.stop(0);
    healthyB.stop(0);
    failing.stop(0);
  }

  private static Histogram lag(String sqlite, List<String> targets) throws Exception {
    Histogram lag = new Histogram(3_600_000L, 3);
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:file:" + sqlite + "?mode=ro");
        PreparedStatement query =
            db.prepareStatement(
                "SELECT d.delivered_at_ms - m.received_at_ms FROM deliveries d"
                    + " JOIN messages m ON m.seq = d.message_seq"
                    + " WHERE d.status = 'delivered' AND d.target_id IN (?, ?)")) {
      query.setString(1, targets.get(0));
      query.setString(2, targets.get(1));
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          lag.recordValue(Math.max(0, rs.getLong(1)));
        }
      }
    }
    return lag;
  }

  private static long undelivered(String sqlite, List<String> targets) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:file:" + sqlite + "?mode=ro");
        PreparedStatement query =
            db.prepareStatement(
                "SELECT COUNT(*) FROM deliveries WHERE status <> 'delivered' AND target_id IN (?, ?)")) {
      query.setString(1, targets.get(0));
      query.setString(2, targets.get(1));
      try (ResultSet rs = query.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }

  private static HttpServer receiver(int status) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
    return server;
  }

  private String createTarget(String name, HttpServer receiver) throws Exception {
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/" + name;
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
