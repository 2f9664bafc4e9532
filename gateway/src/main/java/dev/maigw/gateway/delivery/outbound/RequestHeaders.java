package dev.maigw.gateway.delivery.outbound;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hc.core5.http.HttpRequest;

/** Checks and copies caller headers onto an outbound request. */
final class RequestHeaders {

  /** Headers the client itself owns: framing, connection management and the target's authority. */
  private static final Set<String> RESERVED =
      Set.of(
          "host",
          "content-length",
          "transfer-encoding",
          "connection",
          "keep-alive",
          "expect",
          "upgrade",
          "te",
          "trailer",
          "proxy-connection",
          "proxy-authorization");

  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  private RequestHeaders() {}

  /**
   * @throws IllegalArgumentException for a reserved or malformed name, or a value holding CR, LF or
   *     NUL (header injection)
   */
  static void copy(Map<String, String> headers, HttpRequest request) {
    headers.forEach(
        (name, value) -> {
          if (name == null || !TOKEN.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a valid header name: '" + name + "'.");
          }
          if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(
                "Header is set by the client itself: '" + name + "'.");
          }
          if (value == null
              || value.indexOf('\r') >= 0
              || value.indexOf('\n') >= 0
              || value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(
                "Header value is missing or spans lines: '" + name + "'.");
          }
          request.addHeader(name, value);
        });
  }
}
