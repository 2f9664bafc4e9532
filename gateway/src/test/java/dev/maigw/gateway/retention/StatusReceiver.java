package dev.maigw.gateway.retention;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A target on 127.0.0.1 that answers {@code /<status>} with that status, e.g. {@code /500}. */
final class StatusReceiver implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  StatusReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(pool);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          int status = Integer.parseInt(exchange.getRequestURI().getPath().substring(1));
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  /** The URL answered with {@code status}. */
  String url(int status) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + status;
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
