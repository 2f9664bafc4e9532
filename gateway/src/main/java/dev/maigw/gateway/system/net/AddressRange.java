package dev.maigw.gateway.system.net;

import dev.maigw.gateway.system.InvalidSettingException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

  /**
   * Parses a CIDR block or a single address ({@code 203.0.113.7}, {@code 2001:db8::1}, {@code
   * [::1]}), which stands for itself alone ({@code /32}, {@code /128}).
   *
   * @throws IllegalArgumentException for anything else (names are refused, so no DNS lookup)
   */
  public static AddressRange parseAddressOrRange(String text) {
    String trimmed = text.trim().toLowerCase(java.util.Locale.ROOT);
    if (trimmed.contains("/")) {
      return parse(trimmed);
    }
    String bare =
        trimmed.startsWith("[") && trimmed.endsWith("]")
            ? trimmed.substring(1, trimmed.length() - 1)
            : trimmed;
    if (HostSyntax.isCanonicalIpv4(bare)) {
      return parse(bare + "/32");
    }
    if (HostSyntax.isIpv6Literal(bare)) {
      return parse(bare + "/128");
    }
    throw new IllegalArgumentException("Not an IP address or CIDR block: '" + text + "'.");
  }

  /**
   * The ranges of a comma-separated setting of addresses and CIDR blocks, blank entries skipped.
   *
   * @throws InvalidSettingException naming {@code variable} and the entry that is neither
   */
  public static List<AddressRange> parseSetting(String variable, List<String> entries) {
    List<AddressRange> ranges = new ArrayList<>();
    for (String entry : entries) {
      if (entry.isBlank()) {
        continue;
      }
      try {
        ranges.add(parseAddressOrRange(entry));
      } catch (IllegalArgumentException e) {
        throw new InvalidSettingException(
            variable,
            "entry '" + entry.trim() + "' is neither an IP address nor a CIDR block",
            "write entries like 203.0.113.7, 203.0.113.0/24 or 2001:db8::/32, separated by commas");
      }
    }
    return List.copyOf(ranges);
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
