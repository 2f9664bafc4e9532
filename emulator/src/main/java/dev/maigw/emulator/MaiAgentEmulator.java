package dev.maigw.emulator;

import com.sun.net.httpserver.HttpServer;
import dev.maigw.emulator.control.EmulatorControls;
import dev.maigw.emulator.delivery.DeliveryRecord;
import dev.maigw.emulator.fault.ApiErrorPlan;
import dev.maigw.emulator.fault.Faults;
import dev.maigw.emulator.message.Message;
import dev.maigw.emulator.system.EmulatorException;
import dev.maigw.emulator.system.RecordedRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * A running MaiAgent emulator. Start one per test class (port 0 picks a free port), point the
 * client at {@link #baseUrl()} with {@link #apiKey()}, and switch faults and inspect deliveries
 * through the {@link EmulatorControls} methods, the same ones the HTTP control API offers.
 *
 * <pre>{@code
 * try (MaiAgentEmulator emulator = MaiAgentEmulator.start(
 *     EmulatorConfig.defaults().withPort(0).withWebhookUrl(receiverUrl))) {
 *   emulator.setFaults(Faults.none().withDeliveryCopies(2));
 *   ...
 * }
 * }</pre>
 */
public final class MaiAgentEmulator implements EmulatorControls, AutoCloseable {
  private static final int HTTP_THREADS = 16;

  private final EmulatorConfig config;
  private final HttpServer server;
  private final ExecutorService httpThreads;
  private final EmulatorParts parts;

  private MaiAgentEmulator(
      EmulatorConfig config, HttpServer server, ExecutorService httpThreads, EmulatorParts parts) {
    this.config = config;
    this.server = server;
    this.httpThreads = httpThreads;
    this.parts = parts;
  }

  /**
   * Binds, starts serving and starts the delivery worker.
   *
   * @throws EmulatorException when the address cannot be bound (e.g. the port is in use)
   */
  public static MaiAgentEmulator start(EmulatorConfig config) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 128);
    } catch (IOException e) {
      throw new EmulatorException(
          "Cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
    }
    String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    String origin = "http://" + host + ":" + server.getAddress().getPort();
    EmulatorParts parts = EmulatorParts.wire(config, origin);
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService httpThreads =
        Executors.newFixedThreadPool(
            HTTP_THREADS,
            task -> {
              Thread thread =
                  new Thread(task, "maiagent-emulator-http-" + threadNumber.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(httpThreads);
    MaiAgentEmulator emulator = new MaiAgentEmulator(config, server, httpThreads, parts);
    server.createContext("/", parts.dispatcher(config, emulator));
    server.start();
    return emulator;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public String origin() {
    return parts.origin();
  }

  @Override
  public URI baseUrl() {
    return URI.create(parts.origin() + ApiDispatcher.PREFIX);
  }

  public String apiKey() {
    return config.apiKey();
  }

  public EmulatorConfig config() {
    return config;
  }

  /** The conversation's messages (user messages and replies), oldest first. */
  public List<Message> messages(String conversation) {
    return parts.messages().list(conversation);
  }

  @Override
  public Faults faults() {
    return parts.faults().current();
  }

  @Override
  public Faults setFaults(Faults faults) {
    parts.faults().set(faults);
    if (faults.outOfOrderBatch() == 0) {
      parts.delivery().releaseHeld();
    }
    return faults;
  }

  @Override
  public ApiErrorPlan apiErrors() {
    return parts.apiErrors().current();
  }

  @Override
  public void failNextApiCalls(ApiErrorPlan plan) {
    parts.apiErrors().plan(plan);
  }

  @Override
  public List<DeliveryRecord> deliveries() {
    return parts.delivery().deliveries();
  }

  @Override
  public List<RecordedRequest> requests() {
    return parts.requestLog().snapshot();
  }

  @Override
  public String pushReply(String conversation, String content) {
    return parts.replies().pushReply(conversation, content).id();
  }

  @Override
  public List<String> pushWebhook(JsonNode body) {
    return parts.replies().pushRaw(body);
  }

  @Override
  public int releaseHeldReplies() {
    return parts.delivery().releaseHeld();
  }

  @Override
  public URI webhookUrl() {
    return parts.webhookTarget().current();
  }

  @Override
  public URI setWebhookUrl(String url) {
    return parts.webhookTarget().set(url);
  }

  @Override
  public void reset() {
    parts.reset();
  }

  /** Stops serving and delivering; pending webhooks are dropped. Safe to call twice. */
  @Override
  public void close() {
    server.stop(0);
    httpThreads.shutdownNow();
    parts.close();
  }
}
