package dev.maigw.gateway.system.net;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * A CIDR block ({@code 10.0.0.0/8}, {@code fc00::/7}); matches addresses of its own family only.
 */
public record AddressRange(byte[] network, int prefixLength, String text) {

  public AddressRange {
    network = network.clone();
  }

  /**
   * Parses {@code address/prefix}, where the address is a canonical IPv4 or an IPv6 literal.
   *
   * @throws IllegalArgumentException for anything else (names are refused, so no DNS lookup)
   */
  public static AddressRange parse(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("Not a CIDR block (address/prefix): '" + cidr + "'.");
    }
    InetAddress address =
        HostSyntax.literalAddress(cidr.substring(0, slash).toLowerCase(java.util.Locale.ROOT));
    String prefixText = cidr.substring(slash + 1);
    if (address == null || !prefixText.matches("[0-9]{1,3}")) {
      throw new IllegalArgumentException("Not a CIDR block (address/prefix): '" + cidr + "'.");
    }
    byte[] bytes = address.getAddress();
    int prefix = Integer.parseInt(prefixText);
    if (prefix > bytes.length * 8) {
      throw new IllegalArgumentException("CIDR prefix out of range in '" + cidr + "'.");
    }
    return new AddressRange(bytes, prefix, cidr);
  }

  @Override
  public byte[] network() {
    return network.clone();
  }

  public boolean contains(InetAddress candidate) {
    byte[] other = candidate.getAddress();
    if (other.length != network.length) {
      return false;
    }
    int fullBytes = prefixLength / 8;
    for (int i = 0; i < fullBytes; i++) {
      if (other[i] != network[i]) {
        return false;
      }
    }
    int remainingBits = prefixLength % 8;
    if (remainingBits == 0) {
      return true;
    }
    int mask = 0xFF << (8 - remainingBits);
    return (other[fullBytes] & mask) == (network[fullBytes] & mask);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AddressRange range
        && prefixLength == range.prefixLength
        && Arrays.equals(network, range.network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefixLength;
  }

  @Override
  public String toString() {
    return text;
  }
}
