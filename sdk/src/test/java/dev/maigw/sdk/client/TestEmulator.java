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

/**
 * An embedded emulator on a random loopback port for the client's tests. Replies are scheduled an
 * hour out and would go to a closed port, so no webhook leaves it during a test.
 */
final class TestEmulator implements AutoCloseable {

  final MaiAgentEmulator emulator;
  final RecordingSleeper sleeper = new RecordingSleeper();

  private TestEmulator(MaiAgentEmulator emulator) {
    this.emulator = emulator;
  }

  static TestEmulator start() {
    return new TestEmulator(
        MaiAgentEmulator.start(
            EmulatorConfig.defaults()
                .withPort(0)
                .withReplyDelay(Duration.ofHours(1))
                .withRetryDelays()
                .withWebhookUrl("http://127.0.0.1:" + closedPort() + "/webhook")));
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

  @Override
  public void close() {
    emulator.close();
  }
}
