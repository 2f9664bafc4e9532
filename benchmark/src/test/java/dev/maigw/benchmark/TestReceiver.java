package dev.maigw.benchmark;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the gateway on 127.0.0.1: {@code /maiagent/webhook} records the body's id (and,
 * with a database, inserts it into a {@code messages} table before answering 200) and {@code
 * /bench/noop} answers at once. Faults are switched on per instance.
 */
final class TestReceiver implements AutoCloseable {

  private static final Pattern ID = Pattern.compile("^\\{\"id\":\"([^\"]+)\"");
  private static final byte[] ACK =
      "{\"message\":\"Webhook 接收成功\"}".getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private final Set<String> received = ConcurrentHashMap.newKeySet();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong noopRequests = new AtomicLong();
  private final Connection database;
  private LongPredicate failWith503 = n -> false;
  private LongPredicate closeAfter = n -> false;
  private LongPredicate skipInsert = n -> false;

  private TestReceiver(Path sqlite) throws IOException, SQLException {
    database = sqlite == null ? null : openDatabase(sqlite);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/maiagent/webhook", this::webhook);
    server.createContext("/bench/noop", this::noop);
    server.setExecutor(executor);
    server.start();
  }

  static TestReceiver start() throws IOException, SQLException {
    return new TestReceiver(null);
  }

  /** A receiver that stores every acknowledged id in {@code sqlite} before answering. */
  static TestReceiver storingInto(Path sqlite) throws IOException, SQLException {
    return new TestReceiver(sqlite);
  }

  /** Answers 503 to the n-th request (counting from 1) when {@code rule} holds. */
  TestReceiver failingWith503(LongPredicate rule) {
    failWith503 = rule;
    return this;
  }

  /** Adds {@code Connection: close} to the n-th response when {@code rule} holds. */
  TestReceiver closingAfter(LongPredicate rule) {
    closeAfter = rule;
    return this;
  }

  /** Acknowledges the n-th request without storing it when {@code rule} holds. */
  TestReceiver losing(LongPredicate rule) {
    skipInsert = rule;
    return this;
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  Set<String> received() {
    return received;
  }

  long noopRequests() {
    return noopRequests.get();
  }

  private void webhook(HttpExchange exchange) throws IOException {
    long n = requests.incrementAndGet();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Matcher id = ID.matcher(body);
    if (!id.find() || failWith503.test(n)) {
      respond(exchange, 503, n);
      return;
    }
    if (database != null && !skipInsert.test(n)) {
      insert(id.group(1));
    }
    received.add(id.group(1));
    respond(exchange, 200, n);
  }

  private void noop(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    noopRequests.incrementAndGet();
    respond(exchange, 200, 0);
  }

  private void respond(HttpExchange exchange, int status, long n) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    if (n > 0 && closeAfter.test(n)) {
      exchange.getResponseHeaders().set("Connection", "close");
    }
    exchange.sendResponseHeaders(status, ACK.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(ACK);
    }
  }

  private synchronized void insert(String id) {
    try (PreparedStatement insert =
        database.prepareStatement("INSERT OR IGNORE INTO messages (message_id) VALUES (?)")) {
      insert.setString(1, id);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("insert failed: " + id, e);
    }
  }

  private static Connection openDatabase(Path sqlite) throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA journal_mode=WAL");
      statement.execute("CREATE TABLE messages (message_id TEXT NOT NULL UNIQUE, raw TEXT)");
    }
    return connection;
  }

  @Override
  public void close() throws SQLException {
    server.stop(0);
    executor.shutdownNow();
    if (database != null) {
      database.close();
    }
  }
}
