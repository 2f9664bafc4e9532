package dev.maigw.gateway.delivery.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.net.HostSyntax;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reliability goal S5: every URL below is refused with zero connection attempts, proven by the kill
 * switch under the client (which would also block any non-loopback connect). Names resolve only
 * through a stub, so no DNS query leaves the machine either.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuardedHttpClientSsrfTest {

  private static final String FORBIDDEN = "forbidden_target";
  private static final String INVALID = "invalid_target_url";
  private static final byte[] BODY = "{\"id\":\"m1\"}".getBytes(StandardCharsets.UTF_8);

  private final KillSwitchSockets sockets = new KillSwitchSockets();
  private final StubDns dns =
      new StubDns()
          .answer("evil.test", "10.1.2.3")
          .answer("meta.test", "169.254.169.254")
          .answer("rebind.test", "93.184.216.34", "127.0.0.1")
          .answer("mixed.test", "93.184.216.34", "10.0.0.1")
          .answer("localhost", "127.0.0.1")
          .answer("internal.test", "192.168.10.20")
          .answer("cgnat.test", "100.64.1.1")
          .answer("v6-private.test", "fd00::1")
          .answer("v6-meta.test", "fd00:ec2::254")
          .answer("mapped.test", StubDns.ipv6("::ffff:127.0.0.1"))
          .answer("nat64.test", StubDns.ipv6("64:ff9b::a00:1"));
  private GuardedHttpClient client;

  @BeforeAll
  void startClient() {
    client =
        GuardedHttpClient.builder(OutboundAddressPolicy.denyPrivate())
            .dnsResolver(dns)
            .socketFactory(sockets)
            .build();
  }

  @AfterAll
  void stopClient() {
    client.close();
  }

  static Stream<Arguments> refusedUrls() {
    return Stream.of(
        // IPv4 literals in the deny list
        Arguments.of("http://127.0.0.1/", FORBIDDEN),
        Arguments.of("http://127.255.255.254:8080/hook", FORBIDDEN),
        Arguments.of("https://127.0.0.1:8443/", FORBIDDEN),
        Arguments.of("http://10.0.0.1/", FORBIDDEN),
        Arguments.of("http://172.16.0.1/", FORBIDDEN),
        Arguments.of("http://172.31.255.255/", FORBIDDEN),
        Arguments.of("http://192.168.1.1/", FORBIDDEN),
        Arguments.of("http://169.254.169.254/latest/meta-data/", FORBIDDEN),
        Arguments.of("http://169.254.1.1/", FORBIDDEN),
        Arguments.of("http://100.64.0.1/", FORBIDDEN),
        Arguments.of("http://100.100.100.200/", FORBIDDEN),
        Arguments.of("http://0.0.0.0/", FORBIDDEN),
        Arguments.of("http://0.1.2.3/", FORBIDDEN),
        Arguments.of("http://224.0.0.1/", FORBIDDEN),
        Arguments.of("http://239.255.255.250:1900/", FORBIDDEN),
        Arguments.of("http://240.0.0.1/", FORBIDDEN),
        Arguments.of("http://255.255.255.255/", FORBIDDEN),
        Arguments.of("http://198.18.0.1/", FORBIDDEN),
        // IPv6 literals in the deny list
        Arguments.of("http://[::1]/", FORBIDDEN),
        Arguments.of("http://[::]/", FORBIDDEN),
        Arguments.of("http://[fc00::1]/", FORBIDDEN),
        Arguments.of("http://[fd12:3456::1]/", FORBIDDEN),
        Arguments.of("http://[fe80::1]/", FORBIDDEN),
        Arguments.of("http://[ff02::1]/", FORBIDDEN),
        Arguments.of("http://[fd00:ec2::254]/", FORBIDDEN),
        // IPv6 wrappings of denied IPv4 addresses
        Arguments.of("http://[::ffff:127.0.0.1]/", FORBIDDEN),
        Arguments.of("http://[::ffff:7f00:1]/", FORBIDDEN),
        Arguments.of("http://[::ffff:a9fe:a9fe]/", FORBIDDEN),
        Arguments.of("http://[::ffff:0:a00:1]/", FORBIDDEN),
        Arguments.of("http://[64:ff9b::7f00:1]/", FORBIDDEN),
        Arguments.of("http://[64:ff9b::a9fe:a9fe]/", FORBIDDEN),
        Arguments.of("http://[2002:7f00:1::]/", FORBIDDEN),
        Arguments.of("http://[2002:c0a8:101::1]/", FORBIDDEN),
        Arguments.of("http://[::127.0.0.1]/", FORBIDDEN),
        Arguments.of("http://[::a00:1]/", FORBIDDEN),
        // Alternative encodings: refused before anything is resolved
        Arguments.of("http://2130706433/", INVALID),
        Arguments.of("http://0177.0.0.1/", INVALID),
        Arguments.of("http://0x7f.1/", INVALID),
        Arguments.of("http://0x7f000001/", INVALID),
        Arguments.of("http://127.1/", INVALID),
        Arguments.of("http://127.0.1/", INVALID),
        Arguments.of("http://017700000001/", INVALID),
        Arguments.of("http://127.000.000.001/", INVALID),
        Arguments.of("http://0/", INVALID),
        Arguments.of("http://127.0.0.1./", INVALID),
        Arguments.of("http://%31%32%37.0.0.1/", INVALID),
        Arguments.of("http://[::ffff:127.1]/", INVALID),
        Arguments.of("http://[fe80::1%25eth0]/", INVALID),
        Arguments.of("http://example.com@127.0.0.1/", INVALID),
        Arguments.of("gopher://127.0.0.1:6379/_INFO", INVALID),
        Arguments.of("file:///etc/passwd", INVALID),
        // Names the stub resolves to refused addresses
        Arguments.of("http://evil.test/", FORBIDDEN),
        Arguments.of("http://EVIL.test:8080/hook", FORBIDDEN),
        Arguments.of("http://meta.test/latest/meta-data/", FORBIDDEN),
        Arguments.of("http://rebind.test/", FORBIDDEN),
        Arguments.of("http://mixed.test/", FORBIDDEN),
        Arguments.of("http://localhost:9000/", FORBIDDEN),
        Arguments.of("http://internal.test/", FORBIDDEN),
        Arguments.of("http://cgnat.test/", FORBIDDEN),
        Arguments.of("https://v6-private.test/", FORBIDDEN),
        Arguments.of("http://v6-meta.test/", FORBIDDEN),
        Arguments.of("http://mapped.test/", FORBIDDEN),
        Arguments.of("http://nat64.test/", FORBIDDEN));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("refusedUrls")
  void refusesWithoutAnyConnectionAttempt(String url, String expectedCode) {
    assertThatThrownBy(
            () -> client.post(TargetUrl.parse(url), BODY, Map.of(), Duration.ofSeconds(2)))
        .as("refusal of %s", url)
        .isInstanceOfSatisfying(
            GatewayException.class, e -> assertThat(e.code()).isEqualTo(expectedCode));
    assertThat(sockets.created()).isZero();
    assertThat(sockets.connects()).isEmpty();
  }

  @Test
  void tableHoldsAtLeastFortyUrls() {
    assertThat(refusedUrls().count()).isGreaterThanOrEqualTo(40);
  }

  @Test
  void connectsOnlyToTheCheckedAddressAndNeverResolvesTwice() {
    KillSwitchSockets ownSockets = new KillSwitchSockets();
    StubDns rebinding =
        new StubDns().answer("later.test", "93.184.216.34").answer("later.test", "127.0.0.1");
    try (GuardedHttpClient rebound =
        GuardedHttpClient.builder(OutboundAddressPolicy.denyPrivate())
            .dnsResolver(rebinding)
            .socketFactory(ownSockets)
            .build()) {
      TargetUrl url = TargetUrl.parse("http://later.test/hook");

      // The first answer is public, so the client tries exactly that address; the kill switch
      // stops the connect, which is all this test needs to see.
      assertThatThrownBy(() -> rebound.post(url, BODY, Map.of(), Duration.ofSeconds(2)))
          .isInstanceOf(OutboundCallException.class)
          .isNotInstanceOf(ForbiddenTargetException.class);
      assertThat(rebinding.lookups()).isEqualTo(1);
      assertThat(ownSockets.connects())
          .containsExactly(new InetSocketAddress(HostSyntax.literalAddress("93.184.216.34"), 80));

      // The rebound answer is checked on the next connection and refused before any connect.
      assertThatThrownBy(() -> rebound.post(url, BODY, Map.of(), Duration.ofSeconds(2)))
          .isInstanceOf(ForbiddenTargetException.class)
          .hasMessageContaining("127.0.0.1");
      assertThat(rebinding.lookups()).isEqualTo(2);
      assertThat(ownSockets.connects()).hasSize(1);
    }
  }

  @Test
  void namesTheHostTheAddressAndTheRangeWhenRefusing() {
    assertThatThrownBy(
            () ->
                client.post(
                    TargetUrl.parse("http://evil.test/hook?token=secret"),
                    BODY,
                    Map.of(),
                    Duration.ofSeconds(2)))
        .isInstanceOf(ForbiddenTargetException.class)
        .hasMessage(
            "Forwarding to this target is not allowed: evil.test -> 10.1.2.3 in 10.0.0.0/8 is not"
                + " a public address; allow it explicitly in MAIGW_FORWARD_ALLOW.")
        .satisfies(
            e ->
                assertThat(((ForbiddenTargetException) e).reason())
                    .isEqualTo(FailureReason.FORBIDDEN_TARGET));
  }
}
