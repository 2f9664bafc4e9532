package dev.maigw.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * Times the console's pages on a store holding one conversation of many replies: fills it through
 * the webhook endpoint, signs in, then loads the conversation list, the conversation's transcript
 * (its latest page), an earlier transcript page and the message search, one at a time, and prints
 * p50/p99/max of the time to the last byte of each page (on loopback: the server's time plus a
 * little), after a warm-up pass over all of them. Run by {@code bin/bench-console}.
 *
 * <p>Usage: {@code ConsoleBenchmark <gateway base URL> <API key> [messages] [loads]}.
 */
public final class ConsoleBenchmark {

  private static final String CONVERSATION = "bench-console-conversation";

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final String base;

  private ConsoleBenchmark(String base) {
    this.base = base;
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: ConsoleBenchmark <gateway base URL> <API key> [messages] [loads]");
      System.exit(2);
    }
    LoopbackTarget.parse(args[0]); // refuses anything but loopback
    int messages = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    int loads = args.length > 3 ? Integer.parseInt(args[3]) : 200;
    ConsoleBenchmark bench = new ConsoleBenchmark(args[0].replaceAll("/+$", ""));
    long filled = bench.fill(messages);
    System.out.printf(
        "console: %d replies in one conversation, stored in %.1f s%n", messages, filled / 1e9);
    String cookie = bench.signIn(args[1]);
    String conversation = URLEncoder.encode(CONVERSATION, StandardCharsets.UTF_8);
    String[][] pages = {
      {"conversation list   /console/conversations", "/console/conversations"},
      {"transcript, latest  /console/conversation?id=", "/console/conversation?id=" + conversation},
      {
        "transcript, earlier /console/conversation?id=&before=",
        "/console/conversation?id=" + conversation + "&before=" + (messages / 2)
      },
      {"message search      /console/messages?q=", "/console/messages?q=42"}
    };
    // Warm every page up first, so no page pays for the JIT compiling code it shares.
    for (String[] page : pages) {
      bench.time(null, page[1], cookie, loads / 2);
    }
    for (String[] page : pages) {
      bench.time(page[0], page[1], cookie, loads);
    }
  }

  private long fill(int messages) throws Exception {
    long start = System.nanoTime();
    ExecutorService senders = Executors.newFixedThreadPool(16);
    AtomicInteger next = new AtomicInteger();
    List<Future<Integer>> done = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      done.add(
          senders.submit(
              () -> {
                int failures = 0;
                for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
                  failures += postWebhook(i) == 200 ? 0 : 1;
                }
                return failures;
              }));
    }
    int failures = 0;
    for (Future<Integer> f : done) {
      failures += f.get();
    }
    senders.shutdown();
    if (failures > 0) {
      throw new BenchmarkException(failures + " webhooks were not stored");
    }
    return System.nanoTime() - start;
  }

  private int postWebhook(int i) throws IOException, InterruptedException {
    String body =
        "{\"id\":\"bench-console-"
            + i
            + "\",\"conversation\":\""
            + CONVERSATION
            + "\",\"sender\":{\"id\":1042,\"name\":\"MaiAgent 助理\",\"avatar\":\"\"},"
            + "\"type\":\"outgoing\",\"content\":\"第 "
            + i
            + " 則回覆：**退貨**請見 [政策](https://www.example.com/returns)。\\n\\n- 步驟一\\n- 步驟二\","
            + "\"createdAt\":\"1747723272345\",\"attachments\":[],\"citations\":[{\"id\":\"c1\","
            + "\"filename\":\"退貨政策.pdf\",\"file\":\"https://files.example.com/returns.pdf\"}]}";
    return http.send(
            HttpRequest.newBuilder(URI.create(base + "/maiagent/webhook"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private String signIn(String apiKey) throws IOException, InterruptedException {
    HttpResponse<Void> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/console/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "apiKey=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    String cookie =
        answer
            .headers()
            .firstValue("Set-Cookie")
            .orElseThrow(() -> new BenchmarkException("Sign-in answered " + answer.statusCode()));
    return cookie.substring(0, cookie.indexOf(';'));
  }

  private void time(String label, String path, String cookie, int loads) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Cookie", cookie)
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build();
    Histogram histogram = new Histogram(60_000_000_000L, 3);
    long bytes = 0;
    for (int i = 0; i < loads; i++) {
      long start = System.nanoTime();
      HttpResponse<byte[]> page = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      long elapsed = System.nanoTime() - start;
      if (page.statusCode() != 200) {
        throw new BenchmarkException(path + " answered " + page.statusCode());
      }
      histogram.recordValue(elapsed);
      bytes = page.body().length;
    }
    if (label == null) {
      return;
    }
    System.out.printf(
        "%s: p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d loads (%d KB)%n",
        label,
        histogram.getValueAtPercentile(50) / 1e6,
        histogram.getValueAtPercentile(99) / 1e6,
        histogram.getMaxValue() / 1e6,
        loads,
        bytes / 1024);
  }
}
