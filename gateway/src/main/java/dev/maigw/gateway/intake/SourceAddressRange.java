package dev.maigw.gateway.intake;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IP address or CIDR block ({@code 127.0.0.1}, {@code 10.0.0.0/8}, {@code ::1/128}). */
record SourceAddressRange(byte[] network, int prefixLength) {

  static SourceAddressRange parse(String text) {
    String trimmed = text.trim();
    int slash = trimmed.indexOf('/');
    String host = slash < 0 ? trimmed : trimmed.substring(0, slash);
    if (!host.matches("[0-9a-fA-F:.]+")) {
      // Refuse names: a literal address is required, so parsing never touches DNS.
      throw new IllegalArgumentException("Not an IP address or CIDR block: '" + text + "'.");
    }
    byte[] address;
    try {
      address = InetAddress.getByName(host).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("Not an IP address or CIDR block: '" + text + "'.", e);
    }
    int bits = address.length * 8;
    int prefix = slash < 0 ? bits : Integer.parseInt(trimmed.substring(slash + 1));
    if (prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException("CIDR prefix out of range in '" + text + "'.");
    }
    return new SourceAddressRange(address, prefix);
  }

  boolean contains(InetAddress candidate) {
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
}
