package dev.maigw.sdk.webhook;

import java.util.Locale;

/**
 * Makes untrusted text safe to put on one log line. Webhook ids and fields come from outside and
 * may carry CR/LF (forged log lines), ANSI escapes (terminal tricks) or bidirectional overrides;
 * after escaping they read as plain visible text.
 */
public final class LogSafe {

  /** The length {@link #escapeForLog(String)} truncates to, in characters. */
  public static final int DEFAULT_MAX_LENGTH = 200;

  private static final char ELLIPSIS = '…';

  private LogSafe() {}

  /** Same as {@link #escapeForLog(String, int)} with {@link #DEFAULT_MAX_LENGTH}. */
  public static String escapeForLog(String s) {
    return escapeForLog(s, DEFAULT_MAX_LENGTH);
  }

  /**
   * Escapes {@code s} for a one-line log and truncates it.
   *
   * <p>Backslash becomes {@code \\}; LF, CR and tab become {@code \n}, {@code \r}, {@code \t};
   * other C0 and C1 control characters, DEL, the line and paragraph separators, bidirectional
   * controls and unpaired surrogates become {@code \}{@code uXXXX}. An escape is never cut in half.
   * If the escaped text is longer than {@code maxLength}, it is cut and ends with {@code …} so that
   * the whole result, ellipsis included, is at most {@code maxLength} characters.
   *
   * @param s the text, or null (returned as {@code null}, the four letters)
   * @param maxLength the longest result, in UTF-16 characters; at least 1
   * @return the escaped, possibly truncated text; never null
   * @throws IllegalArgumentException if {@code maxLength} is less than 1
   */
  public static String escapeForLog(String s, int maxLength) {
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be at least 1, not " + maxLength + ".");
    }
    if (s == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(Math.min(s.length(), maxLength) + 8);
    int fitsWithEllipsis = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      String token = escape(s, i, cp);
      if (out.length() + token.length() > maxLength) {
        out.setLength(fitsWithEllipsis);
        return out.append(ELLIPSIS).toString();
      }
      out.append(token);
      if (out.length() <= maxLength - 1) {
        fitsWithEllipsis = out.length();
      }
      i += Character.charCount(cp);
    }
    return out.toString();
  }

  private static String escape(String s, int index, int cp) {
    switch (cp) {
      case '\\':
        return "\\\\";
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      default:
        break;
    }
    if (needsUnicodeEscape(cp)) {
      return String.format(Locale.ROOT, "\\u%04X", cp);
    }
    return s.substring(index, index + Character.charCount(cp));
  }

  private static boolean needsUnicodeEscape(int cp) {
    return cp < 0x20
        || (cp >= 0x7F && cp <= 0x9F)
        || cp == 0x2028
        || cp == 0x2029
        || (cp >= 0x202A && cp <= 0x202E)
        || (cp >= 0x2066 && cp <= 0x2069)
        || (cp >= 0xD800 && cp <= 0xDFFF);
  }
}
