package dev.maigw.benchmark;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Webhook latency while slow-loris clients hold connections: {@code slow} connections each send a
 * webhook's head and then one body byte a second (a cut-off one is reopened at once, so the count
 * holds), while one sender posts valid webhooks one after another. Prints the valid webhooks'
 * latency percentiles and how many slow connections the gateway closed.
 *
 * <p>Usage: {@code SlowLorisBenchmark <port> [slow=300] [seconds=30]}. Loopback only.
 */
public final class SlowLorisBenchmark {

  private SlowLorisBenchmark() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int slow = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    List<Socket> sockets = new ArrayList<>();
    for (int i = 0; i < slow; i++) {
      sockets.add(open(port));
    }
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    int[] reopened = {0};
    Thread dribbler = new Thread(() -> dribble(port, sockets, end, reopened), "slow-clients");
    dribbler.start();
    List<Long> latencies = new ArrayList<>();
    int failures = postValid(port, end, latencies);
    dribbler.join();
    for (Socket socket : sockets) {
      socket.close();
    }
    print(slow, seconds, latencies, failures, reopened[0]);
  }

  private static Socket open(int port) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    String head =
        "POST /maiagent/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: 100000\r\n\r\n{";
    OutputStream out = socket.getOutputStream();
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  /** One byte a second to every slow connection; a closed one is counted and reopened. */
  private static void dribble(int port, List<Socket> sockets, long end, int[] reopened) {
    while (System.nanoTime() < end) {
      for (int i = 0; i < sockets.size(); i++) {
        try {
          sockets.get(i).getOutputStream().write(' ');
        } catch (IOException closed) {
          reopened[0]++;
          try {
            sockets.get(i).close();
            sockets.set(i, open(port));
          } catch (IOException e) {
            // The server refuses connections for now; try this slot again next round.
          }
        }
      }
      try {
        Thread.sleep(1000); // the slow clients' pace
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static int postValid(int port, long end, List<Long> latencies) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    int failures = 0;
    for (int n = 0; System.nanoTime() < end; n++) {
      byte[] body =
          ("{\"id\":\"loris-"
                  + n
                  + "-"
                  + System.nanoTime()
                  + "\",\"conversation\":\"c-loris\","
                  + "\"sender\":{\"id\":1042,\"name\":\"bench\"},\"type\":\"outgoing\","
                  + "\"content\":\"hello\",\"createdAt\":\"1747723272345\"}")
              .getBytes(StandardCharsets.UTF_8);
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/maiagent/webhook"))
              .header("Content-Type", "application/json")
              .timeout(Duration.ofSeconds(30))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      long start = System.nanoTime();
      try {
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) {
          failures++;
        }
      } catch (IOException e) {
        failures++;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      latencies.add(System.nanoTime() - start);
      pause(50);
    }
    return failures;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis); // paces the valid sender at about 20 webhooks a second
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void print(
      int slow, int seconds, List<Long> latencies, int failures, int reopened) {
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        Locale.ROOT,
        "slow connections %d for %d s: valid webhooks %d (non-200 %d), p50 %.1f ms, p99 %.1f ms,"
            + " max %.1f ms; slow connections closed by the gateway %d%n",
        slow,
        seconds,
        sorted.length,
        failures,
        millis(sorted, 0.50),
        millis(sorted, 0.99),
        sorted.length == 0 ? 0.0 : sorted[sorted.length - 1] / 1e6,
        reopened);
  }

  private static double millis(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
    return Arrays.stream(sorted).skip(Math.max(0, index)).findFirst().orElse(0) / 1e6;
  }
}
