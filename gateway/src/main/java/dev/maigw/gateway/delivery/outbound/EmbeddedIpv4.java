package dev.maigw.gateway.delivery.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The IPv4 address an IPv6 address wraps, so the policy can judge both: IPv4-mapped {@code
 * ::ffff:a.b.c.d}, IPv4-translated {@code ::ffff:0:a.b.c.d}, IPv4-compatible {@code ::a.b.c.d},
 * NAT64 {@code 64:ff9b::a.b.c.d} and 6to4 {@code 2002:aabb:ccdd::/48}.
 */
final class EmbeddedIpv4 {

  private EmbeddedIpv4() {}

  static Optional<InetAddress> of(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return Optional.empty();
    }
    byte[] b = address.getAddress();
    if (b[0] == 0x20 && b[1] == 0x02) {
      return Optional.of(ipv4(b, 2));
    }
    if (zero(b, 0, 10) && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
      return Optional.of(ipv4(b, 12));
    }
    if (zero(b, 0, 8) && (b[8] & 0xFF) == 0xFF && (b[9] & 0xFF) == 0xFF && zero(b, 10, 12)) {
      return Optional.of(ipv4(b, 12));
    }
    boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B;
    if (nat64 && zero(b, 4, 12)) {
      return Optional.of(ipv4(b, 12));
    }
    // :: and ::1 are judged as themselves; any other ::a.b.c.d wraps a.b.c.d.
    if (zero(b, 0, 12) && !(zero(b, 12, 15) && (b[15] == 0 || b[15] == 1))) {
      return Optional.of(ipv4(b, 12));
    }
    return Optional.empty();
  }

  private static boolean zero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static InetAddress ipv4(byte[] bytes, int offset) {
    byte[] four = {bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3]};
    try {
      return (Inet4Address) InetAddress.getByAddress(four);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("Four bytes are always an IPv4 address.", e);
    }
  }
}
