package dev.maigw.gateway.system.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The only host spellings the gateway accepts: a lower-case DNS name, a canonical dotted-quad IPv4
 * address, or an IPv6 literal (without brackets). Everything else (decimal {@code 2130706433},
 * octal {@code 0177.0.0.1}, hex {@code 0x7f.1}, short {@code 127.1}, zone ids, percent-encoding) is
 * refused, because resolvers and URL parsers disagree about what those mean. Nothing here touches
 * DNS.
 */
public final class HostSyntax {

  public static final int MAX_NAME_LENGTH = 253;

  private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
  private static final Pattern CANONICAL_IPV4 = Pattern.compile(OCTET + "(?:\\." + OCTET + "){3}");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern IPV6_TEXT = Pattern.compile("[0-9a-f:]*:[0-9a-f:]*(?:[0-9.]+)?");

  private HostSyntax() {}

  public static boolean isCanonicalIpv4(String host) {
    return CANONICAL_IPV4.matcher(host).matches();
  }

  /**
   * LDH labels, at most 253 characters, no trailing dot, and a last label that starts with a letter
   * (so {@code 127.1}, {@code 0x7f.1} and {@code 2130706433} are not names).
   */
  public static boolean isDnsName(String host) {
    if (host.isEmpty() || host.length() > MAX_NAME_LENGTH) {
      return false;
    }
    String[] labels = host.split("\\.", -1);
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    char first = labels[labels.length - 1].charAt(0);
    return first >= 'a' && first <= 'z';
  }

  /** An IPv6 literal without brackets or zone id; an embedded IPv4 tail must be canonical. */
  public static boolean isIpv6Literal(String host) {
    if (!IPV6_TEXT.matcher(host).matches()) {
      return false;
    }
    int lastColon = host.lastIndexOf(':');
    String tail = host.substring(lastColon + 1);
    if (tail.contains(".") && !isCanonicalIpv4(tail)) {
      return false;
    }
    return parseIpv6(host) != null;
  }

  /** The address a literal host denotes, or {@code null} when the host is not an IP literal. */
  public static InetAddress literalAddress(String host) {
    if (isCanonicalIpv4(host)) {
      String[] parts = host.split("\\.");
      byte[] bytes = new byte[4];
      for (int i = 0; i < 4; i++) {
        bytes[i] = (byte) Integer.parseInt(parts[i]);
      }
      try {
        return InetAddress.getByAddress(bytes);
      } catch (UnknownHostException e) {
        throw new IllegalStateException("Four bytes are always an IPv4 address.", e);
      }
    }
    return isIpv6Literal(host) ? parseIpv6(host) : null;
  }

  /**
   * The form two spellings of the same host compare equal in: lower-case names, and literals as the
   * address they denote.
   */
  public static String canonical(String host) {
    String lower = host.toLowerCase(java.util.Locale.ROOT);
    InetAddress literal = literalAddress(lower);
    return literal == null ? lower : literal.getHostAddress();
  }

  private static InetAddress parseIpv6(String host) {
    try {
      // Brackets make the JDK parse a literal or fail; without them it may fall back to DNS.
      return InetAddress.getByName("[" + host + "]");
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
