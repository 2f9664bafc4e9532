package dev.maigw.emulator.system;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Keeps every byte the emulator sends or accepts on this machine: hosts must be {@code localhost},
 * an IPv4 address in 127.0.0.0/8, or {@code ::1}. Names other than {@code localhost} are refused
 * without a DNS lookup.
 */
public final class Loopback {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private Loopback() {}

  /** True for {@code localhost}, 127.0.0.0/8 and {@code ::1} (with or without brackets). */
  public static boolean isLoopbackHost(String host) {
    if (host == null || host.isBlank()) {
      return false;
    }
    String bare = host.trim().toLowerCase(Locale.ROOT);
    if (bare.startsWith("[") && bare.endsWith("]")) {
      bare = bare.substring(1, bare.length() - 1);
    }
    if (bare.equals("localhost")) {
      return true;
    }
    if (!IPV4.matcher(bare).matches() && !bare.contains(":")) {
      return false;
    }
    try {
      // A literal address: getByName parses it without any lookup.
      return InetAddress.getByName(bare).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * Parses and checks a URL that the emulator will send requests to.
   *
   * @param setting the setting's name, used in the message
   * @throws ConfigurationException when the URL is malformed, not http(s), or not loopback
   */
  public static URI requireLoopbackUrl(String setting, String url) {
    URI uri;
    try {
      uri = URI.create(url.trim());
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(setting + " is not a valid URL: " + url);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new ConfigurationException(setting + " must be an http(s) URL: " + url);
    }
    if (!isLoopbackHost(uri.getHost())) {
      throw new ConfigurationException(
          setting
              + " must point at a loopback address (127.0.0.0/8, ::1 or localhost); refusing "
              + url
              + " because the emulator never sends traffic off this machine.");
    }
    return uri;
  }

  /**
   * Checks an address to bind to.
   *
   * @throws ConfigurationException when it is not loopback
   */
  public static String requireLoopbackHost(String setting, String host) {
    if (!isLoopbackHost(host)) {
      throw new ConfigurationException(
          setting + " must be a loopback address (127.0.0.0/8, ::1 or localhost): " + host);
    }
    return host.trim();
  }
}
