package dev.maigw.sdk.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Path segments, query strings and page links, encoded so no id can change the path. */
final class ApiUrls {

  private ApiUrls() {}

  /**
   * Percent-encodes an id for use as one path segment; {@code .} and {@code ..} are refused since
   * they would move the path.
   */
  static String segment(String id, String name) {
    Objects.requireNonNull(id, name);
    if (id.isBlank() || id.equals(".") || id.equals("..")) {
      throw new IllegalArgumentException(name + " must be a non-blank id.");
    }
    StringBuilder encoded = new StringBuilder();
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return encoded.toString();
  }

  /** A query string from name/value pairs; pairs with a null value are left out. */
  static String query(String... namesAndValues) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        parts.add(
            namesAndValues[i]
                + "="
                + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
      }
    }
    return String.join("&", parts);
  }

  /** Whether a cursor argument is a page link (an absolute URL) rather than a bare cursor. */
  static boolean isLink(String cursor) {
    return cursor != null && (cursor.startsWith("http://") || cursor.startsWith("https://"));
  }

  /**
   * The raw query of a {@code next} link. Only the query is followed, against this client's own
   * base URL, so the API key is never sent to a host the link names.
   *
   * @throws IllegalArgumentException if {@code link} is not a URL
   */
  static String queryOf(String link) {
    String query = URI.create(link).getRawQuery();
    return query == null ? "" : query;
  }
}
