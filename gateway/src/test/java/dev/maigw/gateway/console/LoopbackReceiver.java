package dev.maigw.gateway.console;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * An HTTP listener on 127.0.0.1 that records every request's path and answers with a status the
 * test sets: a forwarding target, or the place XSS payloads would call if they ever ran.
 */
final class LoopbackReceiver implements AutoCloseable {

  private final HttpServer server;
  private final List<String> paths = new CopyOnWriteArrayList<>();
  private volatile int status = 200;

  LoopbackReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          paths.add(exchange.getRequestURI().toString());
          byte[] answer = ("{\"status\":" + status + "}").getBytes();
          exchange.sendResponseHeaders(status, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  void answer(int status) {
    this.status = status;
  }

  List<String> paths() {
    return List.copyOf(paths);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
