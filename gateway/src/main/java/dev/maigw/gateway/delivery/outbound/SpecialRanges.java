package dev.maigw.gateway.delivery.outbound;

import dev.maigw.gateway.system.net.AddressRange;
import java.util.List;

/**
 * The address ranges no target may use unless an operator allows them: private, loopback,
 * link-local, shared, multicast and reserved space (the S5 list plus the RFC 6890 special-purpose
 * blocks that never hold a real webhook receiver), and the cloud metadata endpoints, which only an
 * explicit {@code metadata:} allow entry opens.
 */
final class SpecialRanges {

  static final List<AddressRange> METADATA =
      ranges(
          "169.254.0.0/16", // link-local, home of 169.254.169.254 (AWS, GCP, Azure, OCI)
          "100.100.100.200/32", // Alibaba Cloud
          "fd00:ec2::254/128"); // AWS over IPv6

  static final List<AddressRange> DENIED =
      ranges(
          "0.0.0.0/8",
          "10.0.0.0/8",
          "100.64.0.0/10",
          "127.0.0.0/8",
          "169.254.0.0/16",
          "172.16.0.0/12",
          "192.0.0.0/24",
          "192.0.2.0/24",
          "192.168.0.0/16",
          "198.18.0.0/15",
          "198.51.100.0/24",
          "203.0.113.0/24",
          "224.0.0.0/4",
          "240.0.0.0/4",
          "255.255.255.255/32",
          "::/128",
          "::1/128",
          "64:ff9b:1::/48", // local-use NAT64: its IPv4 embedding is site-specific, so deny all
          "100::/64",
          "2001:db8::/32",
          "fc00::/7",
          "fe80::/10",
          "fec0::/10",
          "ff00::/8");

  private SpecialRanges() {}

  private static List<AddressRange> ranges(String... cidrs) {
    return java.util.Arrays.stream(cidrs).map(AddressRange::parse).toList();
  }
}
