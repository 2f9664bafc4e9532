package dev.maigw.gateway.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A forwarding target on 127.0.0.1 that answers each request with the next scripted status (then
 * the fallback) and records what it received.
 */
public final class ScriptedReceiver implements AutoCloseable {

  /** One request, and the status it was (or is about to be) answered with. */
  public record Received(
      long atNanos, String path, Map<String, List<String>> headers, byte[] body, int status) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private static final String STATUS_PATH = "/status/";

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile int fallback = 200;
  private volatile String retryAfter;
  private volatile Duration holdFirst = Duration.ZERO;

  public ScriptedReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(pool);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          String path = exchange.getRequestURI().toString();
          int status;
          boolean first;
          synchronized (received) {
            Integer scripted = script.poll();
            status = scripted != null ? scripted : unscripted(path);
            received.add(
                new Received(System.nanoTime(), path, exchange.getRequestHeaders(), body, status));
            first = received.size() == 1;
          }
          if (first && !holdFirst.isZero()) {
            try {
              Thread.sleep(holdFirst.toMillis()); // the sender may die meanwhile
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
          }
          byte[] answer = ("{\"status\":" + status + "}").getBytes();
          exchange.sendResponseHeaders(status, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  public String url() {
    return url("/hooks/maiagent");
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** A URL answered with {@code status} once the script is spent ({@code /status/500}). */
  public String url(int status) {
    return url(STATUS_PATH + status);
  }

  public ScriptedReceiver then(int... statuses) {
    for (int status : statuses) {
      script.add(status);
    }
    return this;
  }

  /** Once the script is spent: {@code status}, except on a {@link #url(int)} path. */
  public ScriptedReceiver otherwise(int status) {
    fallback = status;
    return this;
  }

  private int unscripted(String path) {
    return path.startsWith(STATUS_PATH)
        ? Integer.parseInt(path.substring(STATUS_PATH.length()))
        : fallback;
  }

  public ScriptedReceiver retryAfter(String seconds) {
    retryAfter = seconds;
    return this;
  }

  /** Keeps the first request waiting this long before answering it. */
  public ScriptedReceiver holdFirst(Duration hold) {
    holdFirst = hold;
    return this;
  }

  public List<Received> received() {
    return received;
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow(); // its threads are not daemons: left running they outlive the test class
  }
}
