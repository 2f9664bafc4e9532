package dev.maigw.gateway.delivery;

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
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;

/**
 * A target on 127.0.0.1 that answers each request with the next scripted status (then the fallback)
 * and records what it received.
 */
final class ScriptedReceiver implements AutoCloseable {

  /** One request, and the status it was (or is about to be) answered with. */
  record Received(long atNanos, Map<String, List<String>> headers, byte[] body, int status) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile IntSupplier fallback = () -> 200;
  private volatile String retryAfter;
  private volatile Duration holdFirst = Duration.ZERO;

  ScriptedReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          int status;
          boolean first;
          synchronized (received) {
            Integer scripted = script.poll();
            status = scripted != null ? scripted : fallback.getAsInt();
            received.add(
                new Received(System.nanoTime(), exchange.getRequestHeaders(), body, status));
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

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/maiagent";
  }

  ScriptedReceiver then(int... statuses) {
    for (int status : statuses) {
      script.add(status);
    }
    return this;
  }

  ScriptedReceiver otherwise(int status) {
    fallback = () -> status;
    return this;
  }

  ScriptedReceiver retryAfter(String seconds) {
    retryAfter = seconds;
    return this;
  }

  /** Keeps the first request waiting this long before answering it. */
  ScriptedReceiver holdFirst(Duration hold) {
    holdFirst = hold;
    return this;
  }

  List<Received> received() {
    return received;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
