package dev.maigw.emulator.testing;

import com.sun.net.httpserver.HttpServer;
import dev.maigw.emulator.system.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;

/**
 * A stand-in for the gateway's webhook endpoint: a JDK HTTP server on a random loopback port that
 * records every body and answers 200, or the statuses queued with {@link #answerWith}.
 */
public final class WebhookReceiver implements AutoCloseable {
  private final HttpServer server;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final Deque<Integer> queuedStatuses = new ArrayDeque<>();
  private final Deque<Duration> queuedDelays = new ArrayDeque<>();

  private final ExecutorService threads = Executors.newCachedThreadPool();

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  public static WebhookReceiver start() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    WebhookReceiver receiver = new WebhookReceiver(server);
    server.createContext("/maiagent/webhook", receiver::handle);
    server.setExecutor(receiver.threads);
    server.start();
    return receiver;
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/maiagent/webhook";
  }

  /** Answers the next webhooks with these statuses, in order; 200 afterwards. */
  public synchronized void answerWith(Integer... statuses) {
    queuedStatuses.addAll(List.of(statuses));
  }

  /** Answers the next webhooks only after these delays, in order; at once afterwards. */
  public synchronized void delayAnswers(Duration... delays) {
    queuedDelays.addAll(List.of(delays));
  }

  /** Raw bodies received, in arrival order. */
  public List<String> rawBodies() {
    return List.copyOf(bodies);
  }

  public List<JsonNode> bodies() {
    return bodies.stream().map(Json::parse).toList();
  }

  /** The {@code content} of every webhook received, in arrival order. */
  public List<String> contents() {
    return bodies().stream().map(body -> body.path("content").asString()).toList();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private void handle(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    int status = nextStatus();
    Duration delay = nextDelay();
    if (!delay.isZero()) {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] answer =
        (status == 200 ? "{\"message\":\"Webhook received successfully\"}" : "{\"error\":\"no\"}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, answer.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answer);
    }
  }

  private synchronized Duration nextDelay() {
    Duration queued = queuedDelays.pollFirst();
    return queued == null ? Duration.ZERO : queued;
  }

  private synchronized int nextStatus() {
    Integer queued = queuedStatuses.pollFirst();
    return queued == null ? 200 : queued;
  }
}
