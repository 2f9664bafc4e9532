package dev.maigw.gateway.delivery.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maigw.gateway.system.net.HostSyntax;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pure decisions on addresses; nothing here opens a socket or resolves a name. */
class OutboundAddressPolicyTest {

  private static final OutboundAddressPolicy DEFAULT = OutboundAddressPolicy.denyPrivate();

  private static InetAddress ip(String literal) {
    return HostSyntax.literalAddress(literal);
  }

  private static boolean allows(
      OutboundAddressPolicy policy, String host, int port, InetAddress a) {
    return policy.refusal(host, port, a).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0.0.0.0",
        "10.255.0.1",
        "100.127.255.255",
        "127.0.0.53",
        "169.254.169.254",
        "172.20.0.1",
        "192.168.0.1",
        "224.0.0.251",
        "240.0.0.1",
        "255.255.255.255",
        "::",
        "::1",
        "fc00::1",
        "fdff::1",
        "fe80::1",
        "febf::1",
        "ff05::2",
        "fd00:ec2::254",
        "::ffff:10.0.0.1",
        "64:ff9b::c0a8:1",
        "2002:a9fe:a9fe::1",
        "::10.0.0.1"
      })
  void refusesPrivateAndSpecialAddressesByDefault(String literal) {
    assertThat(DEFAULT.refusal("target.test", 443, ip(literal))).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "93.184.216.34",
        "8.8.8.8",
        "2606:2800:220:1:248:1893:25c8:1946",
        "2002:5db8:d822::1"
      })
  void allowsPublicAddresses(String literal) {
    assertThat(allows(DEFAULT, "target.test", 443, ip(literal))).isTrue();
  }

  @Test
  void judgesAnIpv4MappedIpv6AddressAsTheIpv4ItWraps() {
    assertThat(allows(DEFAULT, "t.test", 80, StubDns.ipv6("::ffff:93.184.216.34"))).isTrue();
    assertThat(DEFAULT.refusal("t.test", 80, StubDns.ipv6("::ffff:127.0.0.1")))
        .hasValue(
            "0:0:0:0:0:ffff:7f00:1 (wrapping 127.0.0.1) in 127.0.0.0/8 is not a public address");
  }

  @Test
  void allowsOnlyWhatACidrEntryCovers() {
    OutboundAddressPolicy policy = OutboundAddressPolicy.parse("127.0.0.1/32, ::1/128");

    assertThat(allows(policy, "127.0.0.1", 9000, ip("127.0.0.1"))).isTrue();
    assertThat(allows(policy, "::1", 9000, ip("::1"))).isTrue();
    assertThat(allows(policy, "127.0.0.2", 9000, ip("127.0.0.2"))).isFalse();
    assertThat(allows(policy, "10.0.0.1", 9000, ip("10.0.0.1"))).isFalse();
  }

  @Test
  void allowsAnExactHostOnItsPortOnly() {
    OutboundAddressPolicy policy =
        OutboundAddressPolicy.parse("Hooks.Internal:8443,127.0.0.1:9000,[::1]:9001");

    assertThat(allows(policy, "hooks.internal", 8443, ip("10.2.3.4"))).isTrue();
    assertThat(allows(policy, "hooks.internal", 443, ip("10.2.3.4"))).isFalse();
    assertThat(allows(policy, "other.internal", 8443, ip("10.2.3.4"))).isFalse();
    assertThat(allows(policy, "127.0.0.1", 9000, ip("127.0.0.1"))).isTrue();
    assertThat(allows(policy, "0:0::1", 9001, ip("::1"))).isTrue();
    assertThat(allows(policy, "::1", 9000, ip("::1"))).isFalse();
  }

  @Test
  void neverOpensMetadataThroughABroadCidr() {
    OutboundAddressPolicy policy = OutboundAddressPolicy.parse("0.0.0.0/0,::/0");

    assertThat(allows(policy, "t.test", 80, ip("10.0.0.1"))).isTrue();
    assertThat(allows(policy, "t.test", 80, ip("169.254.169.254"))).isFalse();
    assertThat(allows(policy, "t.test", 80, ip("100.100.100.200"))).isFalse();
    assertThat(allows(policy, "t.test", 80, ip("fd00:ec2::254"))).isFalse();
    assertThat(allows(policy, "t.test", 80, StubDns.ipv6("::ffff:169.254.169.254"))).isFalse();
    assertThat(allows(policy, "t.test", 80, ip("64:ff9b::a9fe:a9fe"))).isFalse();
    assertThat(policy.refusal("t.test", 80, ip("169.254.169.254")))
        .hasValue("169.254.169.254 in 169.254.0.0/16 is a metadata address");
  }

  @Test
  void opensMetadataOnlyThroughAMetadataEntry() {
    OutboundAddressPolicy policy =
        OutboundAddressPolicy.parse("metadata:169.254.169.254/32,metadata:meta.test:80");

    assertThat(allows(policy, "169.254.169.254", 80, ip("169.254.169.254"))).isTrue();
    assertThat(allows(policy, "169.254.1.1", 80, ip("169.254.1.1"))).isFalse();
    assertThat(allows(policy, "meta.test", 80, ip("169.254.170.2"))).isTrue();
    assertThat(allows(policy, "meta.test", 8080, ip("169.254.170.2"))).isFalse();
  }

  @Test
  void treatsABlankAllowListAsTheDefault() {
    assertThat(OutboundAddressPolicy.parse(" , ").refusal("l", 80, ip("127.0.0.1"))).isPresent();
    assertThat(OutboundAddressPolicy.parse(null)).hasToString("OutboundAddressPolicy[allow=[]]");
  }

  @Test
  void readsABareAddressAsThatOneAddressOnEveryPort() {
    OutboundAddressPolicy policy = OutboundAddressPolicy.parse("127.0.0.1, [::1], 10.0.0.7");

    assertThat(allows(policy, "localhost", 9000, ip("127.0.0.1"))).isTrue();
    assertThat(allows(policy, "localhost", 80, ip("127.0.0.1"))).isTrue();
    assertThat(allows(policy, "localhost", 80, ip("127.0.0.2"))).isFalse();
    assertThat(allows(policy, "localhost", 80, ip("::1"))).isTrue();
    assertThat(allows(policy, "hooks", 443, ip("10.0.0.7"))).isTrue();
    assertThat(allows(policy, "hooks", 443, ip("10.0.0.8"))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost",
        "10.0.0.0/33",
        "10.0.0.0/x",
        "hooks.internal:0",
        "hooks.internal:65536",
        "0x7f.1:80",
        "127.1:80",
        "localhost/8",
        "[hooks.internal]:80",
        "metadata:",
        "http://hooks.internal:80"
      })
  void refusesAnAllowEntryThatIsNeitherCidrNorHostPort(String entry) {
    assertThatThrownBy(() -> OutboundAddressPolicy.parse("10.0.0.0/8," + entry))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + entry + "'");
  }

  @Test
  void reportsARefusalAsForbiddenTarget() {
    assertThatThrownBy(() -> DEFAULT.requireAllowed("evil.test", 80, ip("192.168.1.1")))
        .isInstanceOfSatisfying(
            ForbiddenTargetException.class,
            e -> {
              assertThat(e.code()).isEqualTo("forbidden_target");
              assertThat(e.status().value()).isEqualTo(400);
              assertThat(e.reason()).isEqualTo(FailureReason.FORBIDDEN_TARGET);
            })
        .hasMessage(
            "Forwarding to this target is not allowed: evil.test -> 192.168.1.1 in"
                + " 192.168.0.0/16 is not a public address; allow it explicitly in"
                + " MAIGW_FORWARD_ALLOW.");
  }
}
