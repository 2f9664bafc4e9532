package dev.maigw.gateway.delivery.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client against real receivers on 127.0.0.1 only: allowed only when listed, what it returns,
 * and how each network failure is reported. The kill switch underneath blocks anything else.
 */
class GuardedHttpClientTest {

  private static final byte[] BODY = "{\"id\":\"m1\"}".getBytes(StandardCharsets.UTF_8);
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final KillSwitchSockets sockets = new KillSwitchSockets();
  private final StubDns dns = new StubDns().answer("receiver.test", "127.0.0.1");
  private final LocalReceiver receiver = new LocalReceiver();

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  private GuardedHttpClient client(String allowList) {
    return GuardedHttpClient.builder(OutboundAddressPolicy.parse(allowList))
        .dnsResolver(dns)
        .socketFactory(sockets)
        .connectTimeout(Duration.ofSeconds(2))
        .build();
  }

  private static InetAddress loopback() throws IOException {
    return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
  }

  @Test
  void refusesLocalReceiverByDefault() {
    try (GuardedHttpClient client = client(null)) {
      assertThatThrownBy(
              () -> client.post(TargetUrl.parse(receiver.url("/hook")), BODY, Map.of(), TIMEOUT))
          .isInstanceOf(ForbiddenTargetException.class);
    }
    assertThat(receiver.seen()).isEmpty();
    assertThat(sockets.created()).isZero();
  }

  @Test
  void deliversToLocalReceiverAllowedByCidr() {
    try (GuardedHttpClient client = client("127.0.0.1/32")) {
      OutboundResponse response =
          client.post(
              TargetUrl.parse(receiver.url("/hook?x=1")),
              BODY,
              Map.of("webhook-id", "msg_1"),
              TIMEOUT);

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.isSuccess()).isTrue();
      assertThat(new String(response.bodySnippet(), StandardCharsets.UTF_8)).isEqualTo("ok");
      assertThat(response.latency()).isPositive();
    }
    assertThat(receiver.seen())
        .singleElement()
        .satisfies(
            seen -> {
              assertThat(seen.path()).isEqualTo("/hook?x=1");
              assertThat(seen.body()).isEqualTo(BODY);
              assertThat(seen.headers())
                  .containsEntry("webhook-id", "msg_1")
                  .containsEntry("content-type", "application/json")
                  .containsEntry("user-agent", "maiagent-gateway");
            });
  }

  @Test
  void deliversOnlyToTheExactHostAndPortAllowed() throws IOException {
    try (LocalReceiver other = new LocalReceiver();
        GuardedHttpClient client = client("127.0.0.1:" + receiver.port())) {
      assertThat(client.post(TargetUrl.parse(receiver.url("/")), BODY, Map.of(), TIMEOUT).status())
          .isEqualTo(200);
      int socketsSoFar = sockets.created();

      assertThatThrownBy(
              () -> client.post(TargetUrl.parse(other.url("/")), BODY, Map.of(), TIMEOUT))
          .isInstanceOf(ForbiddenTargetException.class);
      assertThat(other.seen()).isEmpty();
      assertThat(sockets.created()).isEqualTo(socketsSoFar);
    }
  }

  @Test
  void resolvesANameOnceAndReusesTheConnection() {
    try (GuardedHttpClient client = client("receiver.test:" + receiver.port())) {
      TargetUrl url = TargetUrl.parse("http://receiver.test:" + receiver.port() + "/hook");

      assertThat(client.post(url, BODY, Map.of(), TIMEOUT).status()).isEqualTo(200);
      assertThat(client.post(url, BODY, Map.of(), TIMEOUT).status()).isEqualTo(200);

      assertThat(dns.lookups()).isEqualTo(1);
      assertThat(sockets.created()).isEqualTo(1);
      assertThat(receiver.seen()).hasSize(2);
      assertThat(receiver.seen().get(0).headers())
          .containsEntry("host", "receiver.test:" + receiver.port());
    }
  }

  @Test
  void returnsRedirectWithoutFollowingIt() {
    receiver.on(
        "/moved",
        exchange -> {
          exchange.getResponseHeaders().add("Location", receiver.url("/elsewhere"));
          LocalReceiver.respond(exchange, 302, "");
        });
    try (GuardedHttpClient client = client("127.0.0.1/32")) {
      OutboundResponse response =
          client.post(TargetUrl.parse(receiver.url("/moved")), BODY, Map.of(), TIMEOUT);

      assertThat(response.status()).isEqualTo(302);
      assertThat(response.isSuccess()).isFalse();
      assertThat(response.headers()).containsEntry("location", receiver.url("/elsewhere"));
    }
    assertThat(receiver.seen()).extracting(LocalReceiver.Seen::path).containsExactly("/moved");
  }

  @Test
  void ignoresProxySystemProperties() {
    Map<String, String> proxies =
        Map.of(
            "http.proxyHost", "10.9.9.9",
            "http.proxyPort", "3128",
            "https.proxyHost", "10.9.9.9",
            "https.proxyPort", "3128");
    proxies.forEach(System::setProperty);
    try (GuardedHttpClient client = client("127.0.0.1/32")) {
      assertThat(client.post(TargetUrl.parse(receiver.url("/")), BODY, Map.of(), TIMEOUT).status())
          .isEqualTo(200);
    } finally {
      proxies.keySet().forEach(System::clearProperty);
    }
    assertThat(sockets.connects())
        .allSatisfy(
            address ->
                assertThat(((InetSocketAddress) address).getAddress().isLoopbackAddress())
                    .isTrue());
  }

  @Test
  void readsAtMostTheCapOfAnEndlessBodyAndDropsTheConnection() throws InterruptedException {
    AtomicLong written = new AtomicLong();
    CountDownLatch writerStopped = new CountDownLatch(1);
    receiver.on(
        "/endless",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          byte[] chunk = new byte[8192];
          try (OutputStream out = exchange.getResponseBody()) {
            while (written.get() < 512L * 1024 * 1024) {
              out.write(chunk);
              written.addAndGet(chunk.length);
            }
          } catch (IOException expected) {
            // The client dropped the connection instead of draining it.
          } finally {
            writerStopped.countDown();
          }
        });
    try (GuardedHttpClient client = client("127.0.0.1/32")) {
      OutboundResponse response =
          client.post(TargetUrl.parse(receiver.url("/endless")), BODY, Map.of(), TIMEOUT);

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.bodySnippet()).hasSize(OutboundResponse.SNIPPET_BYTES);
      assertThat(response.latency()).isLessThan(TIMEOUT);
    }
    assertThat(writerStopped.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(written.get()).isLessThan(64L * 1024 * 1024);
  }

  @Test
  void mapsASilentReceiverToTimeout() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 50, loopback());
        GuardedHttpClient client = client("127.0.0.1/32")) {
      TargetUrl url = TargetUrl.parse("http://127.0.0.1:" + silent.getLocalPort() + "/");
      long started = System.nanoTime();

      assertThatThrownBy(() -> client.post(url, BODY, Map.of(), Duration.ofMillis(300)))
          .isInstanceOfSatisfying(
              OutboundCallException.class,
              e -> assertThat(e.reason()).isEqualTo(FailureReason.TIMEOUT));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }
  }

  @Test
  void endsASlowDripAtTheDeadline() {
    receiver.on(
        "/drip",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 200; i++) {
              out.write('x');
              out.flush();
              Thread.sleep(50);
            }
          } catch (IOException | InterruptedException expected) {
            // The client gave up, as it should.
          }
        });
    try (GuardedHttpClient client = client("127.0.0.1/32")) {
      long started = System.nanoTime();

      assertThatThrownBy(
              () ->
                  client.post(
                      TargetUrl.parse(receiver.url("/drip")),
                      BODY,
                      Map.of(),
                      Duration.ofMillis(500)))
          .isInstanceOfSatisfying(
              OutboundCallException.class,
              e -> assertThat(e.reason()).isEqualTo(FailureReason.TIMEOUT));
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }
  }

  @Test
  void mapsAClosedPortToConnectRefused() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, loopback())) {
      port = probe.getLocalPort();
    }
    try (GuardedHttpClient client = client("127.0.0.1/32")) {
      assertThatThrownBy(
              () ->
                  client.post(
                      TargetUrl.parse("http://127.0.0.1:" + port + "/"), BODY, Map.of(), TIMEOUT))
          .isInstanceOfSatisfying(
              OutboundCallException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(FailureReason.CONNECT_REFUSED);
                assertThat(e.code()).isEqualTo("target_unreachable");
                assertThat(e.getMessage())
                    .isEqualTo(
                        "The call to http://127.0.0.1:" + port + " failed: connect_refused.");
              });
    }
  }

  @Test
  void mapsAnAbortedConnectionToReset() throws Exception {
    try (ServerSocket abrupt = new ServerSocket(0, 50, loopback());
        GuardedHttpClient client = client("127.0.0.1/32")) {
      Thread closer =
          new Thread(
              () -> {
                try (Socket accepted = abrupt.accept()) {
                  InputStream in = accepted.getInputStream();
                  in.read(new byte[1024]);
                  accepted.setSoLinger(true, 0); // close with RST
                } catch (IOException ignored) {
                  // The test asserts on the client's side.
                }
              });
      closer.start();
      TargetUrl url = TargetUrl.parse("http://127.0.0.1:" + abrupt.getLocalPort() + "/");

      assertThatThrownBy(() -> client.post(url, BODY, Map.of(), TIMEOUT))
          .isInstanceOfSatisfying(
              OutboundCallException.class,
              e -> assertThat(e.reason()).isEqualTo(FailureReason.RESET));
      closer.join(5_000);
    }
  }

  @Test
  void mapsHttpsToAPlainHttpServerToTls() throws Exception {
    try (ServerSocket plain = new ServerSocket(0, 50, loopback());
        GuardedHttpClient client = client("127.0.0.1/32")) {
      Thread answerer =
          new Thread(
              () -> {
                try (Socket accepted = plain.accept()) {
                  accepted.setSoTimeout(5_000);
                  accepted.getInputStream().read(new byte[16 * 1024]);
                  accepted
                      .getOutputStream()
                      .write(
                          "HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                  // Half-close and drain, so closing never turns into a reset the client sees
                  // first.
                  accepted.shutdownOutput();
                  accepted.getInputStream().transferTo(OutputStream.nullOutputStream());
                } catch (IOException ignored) {
                  // The test asserts on the client's side.
                }
              });
      answerer.start();
      TargetUrl url = TargetUrl.parse("https://127.0.0.1:" + plain.getLocalPort() + "/");

      assertThatThrownBy(() -> client.post(url, BODY, Map.of(), TIMEOUT))
          .isInstanceOfSatisfying(
              OutboundCallException.class,
              e -> assertThat(e.reason()).isEqualTo(FailureReason.TLS));
      answerer.join(5_000);
    }
  }

  @Test
  void mapsAnUnknownNameToDnsWithoutConnecting() {
    try (GuardedHttpClient client = client("0.0.0.0/0")) {
      assertThatThrownBy(
              () -> client.post(TargetUrl.parse("http://nowhere.test/"), BODY, Map.of(), TIMEOUT))
          .isInstanceOfSatisfying(
              OutboundCallException.class,
              e -> assertThat(e.reason()).isEqualTo(FailureReason.DNS));
    }
    assertThat(sockets.created()).isZero();
  }

  @Test
  void refusesHeaderInjectionBeforeSending() {
    try (GuardedHttpClient client = client("127.0.0.1/32")) {
      TargetUrl url = TargetUrl.parse(receiver.url("/"));

      assertThatThrownBy(() -> client.post(url, BODY, Map.of("x-a", "1\r\nx-b: 2"), TIMEOUT))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Header value is missing or spans lines: 'x-a'.");
      assertThatThrownBy(() -> client.post(url, BODY, Map.of("Host", "evil.test"), TIMEOUT))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("Header is set by the client itself: 'Host'.");
    }
    assertThat(receiver.seen()).isEmpty();
  }
}
