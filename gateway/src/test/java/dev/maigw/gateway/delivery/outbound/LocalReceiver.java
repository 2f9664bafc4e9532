package dev.maigw.gateway.delivery.outbound;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A webhook receiver on 127.0.0.1 and a random port that records every request it sees. Paths with
 * a handler answer with it; any other path answers 200 {@code ok}.
 */
final class LocalReceiver implements AutoCloseable {

  /** One request as the receiver saw it; header names are lower-cased. */
  record Seen(String path, Map<String, String> headers, byte[] body) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();

  LocalReceiver() {
    try {
      InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
      server = HttpServer.create(new InetSocketAddress(loopback, 0), 50);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.createContext("/", exchange -> answer(exchange, 200, "ok"));
    server.start();
  }

  /** Handles {@code path} (and below) with {@code handler}, after recording the request. */
  LocalReceiver on(String path, HttpHandler handler) {
    server.createContext(
        path,
        exchange -> {
          record(exchange);
          handler.handle(exchange);
        });
    return this;
  }

  int port() {
    return server.getAddress().getPort();
  }

  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  List<Seen> seen() {
    return List.copyOf(seen);
  }

  static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  private void answer(HttpExchange exchange, int status, String body) throws IOException {
    record(exchange);
    respond(exchange, status, body);
  }

  private void record(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
    byte[] body = exchange.getRequestBody().readAllBytes();
    seen.add(new Seen(exchange.getRequestURI().toString(), headers, body));
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
