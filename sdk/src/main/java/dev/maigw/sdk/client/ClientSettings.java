package dev.maigw.sdk.client;

import java.net.URI;
import java.time.Duration;

/** Checks the builder's settings; messages name the setting, never the API key's value. */
final class ClientSettings {

  private ClientSettings() {}

  /**
   * The base URL with a trailing slash, so relative paths resolve beneath it.
   *
   * @throws IllegalArgumentException unless it is an absolute http(s) URL without query or fragment
   */
  static URI normalizeBaseUrl(URI url) {
    String scheme = url.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme) || url.getHost() == null) {
      throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL: " + url);
    }
    if (url.getRawQuery() != null || url.getRawFragment() != null) {
      throw new IllegalArgumentException("baseUrl must not have a query or fragment: " + url);
    }
    String text = url.toString();
    return text.endsWith("/") ? url : URI.create(text + "/");
  }

  /** Refuses a missing key and one that could not travel in one header line. */
  static void requireApiKey(String apiKey) {
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException("apiKey is required.");
    }
    for (int i = 0; i < apiKey.length(); i++) {
      char c = apiKey.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        throw new IllegalArgumentException(
            "apiKey must be printable ASCII without spaces (character " + (i + 1) + " is not).");
      }
    }
  }

  static void requirePositive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be more than zero: " + value);
    }
  }
}
