package dev.maigw.gateway.console;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Formatting for the pages, called from the templates as {@code fmt}: times in UTC, shortened text,
 * sizes, rates, and the check that decides whether a stored URL may become a link.
 */
@Component
public class Display {

  /** Characters of a reply shown before "show all". */
  static final int SHORT_CONTENT_CHARS = 2_000;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final Markdown markdown;

  Display(Markdown markdown) {
    this.markdown = markdown;
  }

  public String time(Instant instant) {
    return instant == null ? "—" : TIME.format(instant);
  }

  /** The first {@code max} characters (whole code points), with an ellipsis when cut. */
  /** A target URL with its credential-like parameters masked, for display. */
  public String targetUrl(String url) {
    return dev.maigw.gateway.delivery.TargetRedaction.url(url);
  }

  public String shorten(String text, int max) {
    if (text == null) {
      return "";
    }
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end) + "…";
  }

  /** Bytes decoded as UTF-8, undecodable ones shown as U+FFFD. */
  public String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  public boolean isLong(String text) {
    return text != null && text.length() > SHORT_CONTENT_CHARS;
  }

  /** The reply as safe HTML; see {@link Markdown}. */
  public String markdown(String text) {
    return markdown.toSafeHtml(text);
  }

  /** The start of a long reply as safe HTML, for display before "show all". */
  public String markdownShort(String text) {
    return markdown.toSafeHtml(shorten(text, SHORT_CONTENT_CHARS));
  }

  public String percent(Double ratio) {
    return ratio == null ? "—" : String.format(Locale.ROOT, "%.1f %%", ratio * 100);
  }

  public String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
  }

  /**
   * The URL when it may be a link: absolute http or https only. Anything else ({@code javascript:},
   * {@code data:}, relative, unparsable) is shown as text and never becomes an {@code href}.
   */
  public String httpUrl(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = new URI(url.trim());
      String scheme = uri.getScheme();
      boolean web =
          scheme != null
              && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
              && uri.getHost() != null;
      return web ? uri.toASCIIString() : null;
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  /** A value for a URL query parameter. */
  public String query(String value) {
    return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** A path segment: like a query value, but spaces as %20. */
  static String pathSegment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String queryValue(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Quoted for a POSIX shell: inside single quotes, where only the quote itself needs care. */
  static String shellQuoted(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
