package dev.maigw.sdk.client;

import dev.maigw.emulator.EmulatorConfig;
import dev.maigw.emulator.MaiAgentEmulator;
import dev.maigw.emulator.system.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An embedded emulator on a random loopback port for the client's tests, as a JUnit extension:
 * started once per test class, reset before each test, closed after the class. Replies are
 * scheduled an hour out and would go to a closed port, so no webhook leaves it during a test.
 *
 * <p>Use: {@code @RegisterExtension static final TestEmulator mai = new TestEmulator();}
 */
final class TestEmulator implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

  MaiAgentEmulator emulator;
  final RecordingSleeper sleeper = new RecordingSleeper();

  @Override
  public void beforeAll(ExtensionContext context) {
    emulator =
        MaiAgentEmulator.start(
            EmulatorConfig.defaults()
                .withPort(0)
                .withReplyDelay(Duration.ofHours(1))
                .withRetryDelays()
                .withWebhookUrl("http://127.0.0.1:" + closedPort() + "/webhook"));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    reset();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    emulator.close();
  }

  /** A client for this emulator that records its retry waits instead of sleeping. */
  MaiAgentClient.Builder client() {
    return MaiAgentClient.builder()
        .baseUrl(emulator.baseUrl())
        .apiKey(emulator.apiKey())
        .requestTimeout(Duration.ofSeconds(5))
        .sleeper(sleeper);
  }

  /** Forgets conversations, requests, faults and recorded waits. */
  void reset() {
    emulator.reset();
    sleeper.waits.clear();
  }

  /** API and storage requests received with this method and a path starting with {@code path}. */
  List<RecordedRequest> requests(String method, String path) {
    return emulator.requests().stream()
        .filter(r -> r.method().equals(method) && r.target().startsWith(path))
        .toList();
  }

  /** A loopback port nothing listens on (bound, then released). */
  static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A base URL on a loopback port that refuses connections. */
  static URI refusingBaseUrl() {
    return URI.create("http://127.0.0.1:" + closedPort() + "/api/v1/");
  }
}
