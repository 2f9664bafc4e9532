package dev.maigw.benchmark;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An HTTP endpoint on this machine's loopback interface. The only way to build one is {@link
 * #parse}, which refuses every host that is not {@code localhost}, an IPv4 literal in {@code
 * 127.0.0.0/8} or the IPv6 literal {@code ::1}: this command must never send load elsewhere.
 *
 * @param address the resolved loopback address that connections go to
 * @param port the TCP port
 * @param hostHeader the {@code Host} header value, as written in the URL
 * @param path the raw request target (path and query)
 * @param url the URL as given
 */
record LoopbackTarget(InetAddress address, int port, String hostHeader, String path, String url) {

  private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6_LITERAL = Pattern.compile("\\[[0-9a-fA-F:.]+\\]");

  /**
   * Parses an {@code http://} URL and checks that its host is loopback. Host names other than
   * {@code localhost} are refused without a DNS lookup.
   *
   * @throws BenchmarkException if the URL is malformed, not {@code http}, or not loopback
   */
  static LoopbackTarget parse(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new BenchmarkException("Target URL is not a valid URL: " + url, e);
    }
    if (!"http".equalsIgnoreCase(uri.getScheme())) {
      throw new BenchmarkException("Target URL must start with http://: " + url);
    }
    String host = uri.getHost();
    InetAddress address = host == null ? null : loopbackAddress(host);
    if (address == null) {
      throw new BenchmarkException(
          "Refusing non-loopback target; only 127.0.0.0/8, ::1 and localhost are allowed: " + url);
    }
    int port = uri.getPort() == -1 ? 80 : uri.getPort();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      path = path + "?" + uri.getRawQuery();
    }
    String hostHeader = uri.getPort() == -1 ? host : host + ":" + port;
    return new LoopbackTarget(address, port, hostHeader, path, url);
  }

  InetSocketAddress socketAddress() {
    return new InetSocketAddress(address, port);
  }

  /** Returns the loopback address {@code host} names, or null if it names anything else. */
  private static InetAddress loopbackAddress(String host) {
    try {
      if (host.toLowerCase(Locale.ROOT).equals("localhost")) {
        InetAddress resolved = InetAddress.getByName("localhost");
        return resolved.isLoopbackAddress() ? resolved : null;
      }
      if (IPV4_LITERAL.matcher(host).matches()) {
        return ipv4Loopback(host);
      }
      if (IPV6_LITERAL.matcher(host).matches()) {
        // A bracketed literal is parsed, never looked up.
        InetAddress parsed = InetAddress.getByName(host);
        return parsed.isLoopbackAddress() ? parsed : null;
      }
      return null;
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static InetAddress ipv4Loopback(String host) throws UnknownHostException {
    String[] parts = host.split("\\.");
    byte[] octets = new byte[4];
    for (int i = 0; i < 4; i++) {
      int value = Integer.parseInt(parts[i]);
      if (value > 255) {
        return null;
      }
      octets[i] = (byte) value;
    }
    return octets[0] == 127 ? InetAddress.getByAddress(host, octets) : null;
  }
}
