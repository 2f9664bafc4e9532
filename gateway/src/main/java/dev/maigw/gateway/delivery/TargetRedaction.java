package dev.maigw.gateway.delivery;

import dev.maigw.gateway.system.LogRedaction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a target's secrets are shown: the values of headers and of URL query parameters whose name
 * says they carry a credential (Authorization, token, key, secret, signature, password …), and any
 * userinfo in the URL, are replaced by {@link #MASK} in the API's answers and the console. A PUT
 * that sends a masked value back keeps the stored one, so a form filled from a masked view can be
 * saved unchanged.
 */
public final class TargetRedaction {

  /** What a secret value is shown as. */
  public static final String MASK = "••••";

  private static final List<String> SECRET_PARAMETER_PARTS =
      List.of(
          "token",
          "key",
          "secret",
          "signature",
          "sig",
          "password",
          "passwd",
          "pwd",
          "auth",
          "credential",
          "session");

  private TargetRedaction() {}

  /** {@code url} with credential-like query values (and any userinfo) masked. */
  public static String url(String url) {
    return url(url, secret -> {});
  }

  /** {@link #url(String)}, handing each value it masks to {@code masked}. */
  private static String url(String url, Consumer<String> masked) {
    if (url == null) {
      return null;
    }
    String withoutUserInfo = maskUserInfo(url, masked);
    int query = withoutUserInfo.indexOf('?');
    if (query < 0) {
      return withoutUserInfo;
    }
    int fragment = withoutUserInfo.indexOf('#', query);
    String end = fragment < 0 ? "" : withoutUserInfo.substring(fragment);
    String params =
        withoutUserInfo.substring(query + 1, fragment < 0 ? withoutUserInfo.length() : fragment);
    StringBuilder out = new StringBuilder(withoutUserInfo.substring(0, query + 1));
    String[] pairs = params.split("&", -1);
    for (int i = 0; i < pairs.length; i++) {
      if (i > 0) {
        out.append('&');
      }
      out.append(maskParameter(pairs[i], masked));
    }
    return out.append(end).toString();
  }

  /**
   * The headers in their order, with the values of those that carry credentials masked: {@code
   * Authorization}, {@code Cookie}, and any whose name contains token, key, secret, signature,
   * password, auth, session or credential ({@code X-Api-Key}, {@code X-Auth-Token} …). Others
   * ({@code X-Tenant}) are shown as set.
   */
  public static Map<String, String> headers(Map<String, String> headers) {
    return headers(headers, secret -> {});
  }

  private static Map<String, String> headers(Map<String, String> headers, Consumer<String> masked) {
    Map<String, String> shown = new LinkedHashMap<>();
    headers.forEach(
        (name, value) -> {
          if (isSecretHeader(name)) {
            masked.accept(value);
            shown.put(name, MASK);
          } else {
            shown.put(name, value);
          }
        });
    return shown;
  }

  private static boolean isSecretHeader(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals("cookie") || isSecretName(lower);
  }

  private static boolean isSecretName(String lowerCaseName) {
    return SECRET_PARAMETER_PARTS.stream().anyMatch(lowerCaseName::contains);
  }

  /**
   * {@code body} (the JSON of a PUT) with masked values put back from {@code stored}: a url equal
   * to the stored one's masked form, and header values equal to {@link #MASK} for headers the
   * target has. Anything else is taken as sent.
   */
  static JsonNode restore(JsonNode body, Target stored) {
    if (!(body instanceof ObjectNode object)) {
      return body;
    }
    ObjectNode restored = object.deepCopy();
    JsonNode url = restored.get("url");
    if (url != null && url.isString() && url.asString().equals(url(stored.url()))) {
      restored.put("url", stored.url());
    }
    if (restored.get("headers") instanceof ObjectNode headers) {
      for (Map.Entry<String, String> header : stored.headers().entrySet()) {
        for (String name : List.copyOf(headers.propertyNames())) {
          JsonNode value = headers.get(name);
          if (name.equalsIgnoreCase(header.getKey())
              && value.isString()
              && MASK.equals(value.asString())) {
            headers.put(name, header.getValue());
          }
        }
      }
    }
    return restored;
  }

  /**
   * Protects, in every log line, what {@link #url} and {@link #headers} mask: credential header
   * values, credential query values and userinfo.
   */
  static void protectInLogs(String url, Map<String, String> headers) {
    if (headers != null) {
      headers(headers, LogRedaction::protect);
    }
    url(url, LogRedaction::protect);
  }

  private static String maskUserInfo(String url, Consumer<String> masked) {
    int scheme = url.indexOf("://");
    if (scheme < 0) {
      return url;
    }
    int authorityStart = scheme + 3;
    int authorityEnd = authorityStart;
    while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
      authorityEnd++;
    }
    int at = url.lastIndexOf('@', authorityEnd - 1);
    if (at < authorityStart) {
      return url;
    }
    String userInfo = url.substring(authorityStart, at);
    masked.accept(userInfo);
    int colon = userInfo.indexOf(':');
    if (colon >= 0) {
      masked.accept(userInfo.substring(colon + 1)); // the password alone, as a client may log it
    }
    return url.substring(0, authorityStart) + MASK + url.substring(at);
  }

  private static String maskParameter(String pair, Consumer<String> masked) {
    int equals = pair.indexOf('=');
    if (equals < 0 || !isSecretName(pair.substring(0, equals).toLowerCase(Locale.ROOT))) {
      return pair;
    }
    masked.accept(pair.substring(equals + 1));
    return pair.substring(0, equals + 1) + MASK;
  }
}
