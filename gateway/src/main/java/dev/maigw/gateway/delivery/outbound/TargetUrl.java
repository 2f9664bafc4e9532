package dev.maigw.gateway.delivery.outbound;

import dev.maigw.gateway.system.net.HostSyntax;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A validated target URL: {@code http} or {@code https}, no user info, no fragment, a host that is
 * a lower-case DNS name, a canonical dotted-quad IPv4 address or an IPv6 literal (kept without
 * brackets), an effective port 1–65535, and a path with optional query. Validation is pure syntax:
 * nothing here resolves names; whether an address may be called is {@link OutboundAddressPolicy}'s
 * decision.
 *
 * @param scheme {@code http} or {@code https}
 * @param host lower-case; IPv6 literals without brackets
 * @param port explicit or the scheme's default
 * @param pathAndQuery raw (still percent-encoded) path, at least {@code /}, plus {@code ?query}
 */
public record TargetUrl(String scheme, String host, int port, String pathAndQuery) {

  /** Longest accepted URL, in characters. */
  public static final int MAX_LENGTH = 2048;

  /** Validates the parts; prefer {@link #parse(String)}. */
  public TargetUrl {
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new TargetUrlException("The target URL scheme is not supported: '" + scheme + "'.");
    }
    if (host == null || host.isEmpty()) {
      throw new TargetUrlException("The target URL has no host.");
    }
    boolean literal = HostSyntax.isCanonicalIpv4(host) || HostSyntax.isIpv6Literal(host);
    if (!literal && !HostSyntax.isDnsName(host)) {
      throw new TargetUrlException(
          "The target URL host is neither a DNS name nor a canonical IP address: '" + host + "'.");
    }
    if (port < 1 || port > 65_535) {
      throw new TargetUrlException("The target URL port is out of range: '" + port + "'.");
    }
    if (pathAndQuery == null || !pathAndQuery.startsWith("/")) {
      throw new TargetUrlException("The target URL path must start with '/'.");
    }
    if (pathAndQuery.length() > MAX_LENGTH) {
      throw new TargetUrlException("The target URL is longer than " + MAX_LENGTH + " characters.");
    }
    if (!pathAndQuery.chars().allMatch(c -> c > ' ' && c < 0x7F && c != '#')) {
      throw new TargetUrlException(
          "The target URL path holds a character that must be percent-encoded.");
    }
  }

  /**
   * Parses and validates a target URL.
   *
   * @throws TargetUrlException naming the offending part (never echoing user info or the query)
   */
  public static TargetUrl parse(String text) {
    if (text == null || text.isBlank()) {
      throw new TargetUrlException("The target URL is empty.");
    }
    if (text.length() > MAX_LENGTH) {
      throw new TargetUrlException("The target URL is longer than " + MAX_LENGTH + " characters.");
    }
    URI uri;
    try {
      // Re-parsed in ASCII form so non-ASCII path characters arrive percent-encoded.
      uri = new URI(new URI(text).toASCIIString());
    } catch (URISyntaxException e) {
      throw new TargetUrlException(
          "The target URL is not a valid URL: "
              + e.getReason()
              + " at index "
              + e.getIndex()
              + ".");
    }
    if (uri.getScheme() != null) {
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      if (!"http".equals(scheme) && !"https".equals(scheme)) {
        throw new TargetUrlException("The target URL scheme is not supported: '" + scheme + "'.");
      }
    }
    if (uri.getScheme() == null || uri.isOpaque() || uri.getRawAuthority() == null) {
      throw new TargetUrlException("The target URL must be absolute, like https://host/path.");
    }
    if (uri.getRawFragment() != null) {
      throw new TargetUrlException("The target URL must not contain a fragment.");
    }
    String authority = uri.getRawAuthority();
    if (authority.contains("@")) {
      throw new TargetUrlException(
          "The target URL must not contain user info; put credentials in the target's settings.");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String[] hostAndPort = splitAuthority(authority.toLowerCase(Locale.ROOT));
    int port = hostAndPort[1] == null ? defaultPort(scheme) : parsePort(hostAndPort[1]);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    return new TargetUrl(scheme, hostAndPort[0], port, path + query);
  }

  /** Whether {@code text} is a decimal port 1–65535. */
  static boolean isValidPort(String text) {
    return text.matches("[0-9]{1,5}")
        && Integer.parseInt(text) >= 1
        && Integer.parseInt(text) <= 65_535;
  }

  /** {@code scheme://host:port}, the part of the URL that is safe to show in messages and logs. */
  public String origin() {
    String shownHost = host.contains(":") ? "[" + host + "]" : host;
    return scheme + "://" + shownHost + ":" + port;
  }

  /** The full URL; it may carry a secret in its query, so keep it out of logs. */
  public URI toUri() {
    return URI.create(origin() + pathAndQuery);
  }

  /** The origin only: a target URL's query may hold a secret. */
  @Override
  public String toString() {
    return origin();
  }

  private static String[] splitAuthority(String authority) {
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      String host = close < 0 ? "" : authority.substring(1, close);
      if (close < 0 || !HostSyntax.isIpv6Literal(host)) {
        throw new TargetUrlException(
            "The target URL host is not a valid IPv6 literal: '" + authority + "'.");
      }
      String rest = authority.substring(close + 1);
      if (!rest.isEmpty() && !rest.startsWith(":")) {
        throw new TargetUrlException("The target URL has text after its host: '" + rest + "'.");
      }
      return new String[] {host, rest.isEmpty() ? null : rest.substring(1)};
    }
    int colon = authority.lastIndexOf(':');
    if (colon < 0) {
      return new String[] {authority, null};
    }
    return new String[] {authority.substring(0, colon), authority.substring(colon + 1)};
  }

  private static int parsePort(String text) {
    if (!isValidPort(text)) {
      throw new TargetUrlException("The target URL port is out of range: '" + text + "'.");
    }
    return Integer.parseInt(text);
  }

  private static int defaultPort(String scheme) {
    return "https".equals(scheme) ? 443 : 80;
  }
}
