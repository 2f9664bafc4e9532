package dev.maigw.gateway.delivery.outbound;

import dev.maigw.gateway.system.InvalidSettingException;
import dev.maigw.gateway.system.net.AddressRange;
import dev.maigw.gateway.system.net.HostSyntax;
import java.net.InetAddress;
import java.util.Locale;

/**
 * One operator allow entry: a CIDR block or an exact {@code host:port}, optionally prefixed with
 * {@code metadata:} to also open cloud metadata addresses.
 */
sealed interface AllowEntry {

  String METADATA_PREFIX = "metadata:";

  /** Whether this entry opens {@code address}, reached through {@code host} and {@code port}. */
  boolean permits(String host, int port, InetAddress address);

  /** Whether this entry carries the separate metadata opt-in. */
  boolean metadata();

  /**
   * Parses {@code 10.0.0.0/8}, {@code ::1/128}, a single address ({@code 127.0.0.1}, {@code ::1},
   * {@code [::1]}), {@code hooks.internal:8443}, {@code 127.0.0.1:9000}, {@code [::1]:9000}, each
   * optionally prefixed with {@code metadata:}.
   *
   * @throws InvalidSettingException naming the entry when it is none of these
   */
  static AllowEntry parse(String entry) {
    String text = entry.trim().toLowerCase(Locale.ROOT);
    boolean metadata = text.startsWith(METADATA_PREFIX);
    String body = metadata ? text.substring(METADATA_PREFIX.length()) : text;
    String bareAddress = body.startsWith("[") && body.endsWith("]") ? unbracket(body) : body;
    if (body.contains("/")
        || HostSyntax.isCanonicalIpv4(bareAddress)
        || HostSyntax.isIpv6Literal(bareAddress)) {
      try {
        return new Cidr(AddressRange.parseAddressOrRange(body), metadata);
      } catch (IllegalArgumentException e) {
        throw invalid(entry);
      }
    }
    int colon = body.lastIndexOf(':');
    String host = colon < 0 ? "" : body.substring(0, colon);
    String portText = body.substring(colon + 1);
    boolean validHost;
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
      validHost = HostSyntax.isIpv6Literal(host);
    } else {
      // A bare IPv6 address is ambiguous next to a port, so demand [addr]:port or a CIDR.
      validHost = HostSyntax.isDnsName(host) || HostSyntax.isCanonicalIpv4(host);
    }
    if (!validHost || !TargetUrl.isValidPort(portText)) {
      throw invalid(entry);
    }
    return new Exact(HostSyntax.canonical(host), Integer.parseInt(portText), metadata);
  }

  private static String unbracket(String text) {
    return text.substring(1, text.length() - 1);
  }

  private static InvalidSettingException invalid(String entry) {
    return new InvalidSettingException(
        "MAIGW_FORWARD_ALLOW",
        "entry '" + entry.trim() + "' is neither an IP address, a CIDR block nor host:port",
        "write entries like 127.0.0.1, 10.0.0.0/8, [::1]:9000 or hooks.internal:8443,"
            + " separated by commas");
  }

  /** Opens every address inside a block, whatever name led to it. */
  record Cidr(AddressRange range, boolean metadata) implements AllowEntry {
    @Override
    public boolean permits(String host, int port, InetAddress address) {
      return range.contains(address);
    }

    @Override
    public String toString() {
      return (metadata ? METADATA_PREFIX : "") + range;
    }
  }

  /** Opens whatever addresses one exact host and port resolve to. */
  record Exact(String host, int port, boolean metadata) implements AllowEntry {
    @Override
    public boolean permits(String candidateHost, int candidatePort, InetAddress address) {
      return port == candidatePort && host.equals(HostSyntax.canonical(candidateHost));
    }

    @Override
    public String toString() {
      String shown = host.contains(":") ? "[" + host + "]" : host;
      return (metadata ? METADATA_PREFIX : "") + shown + ":" + port;
    }
  }
}
