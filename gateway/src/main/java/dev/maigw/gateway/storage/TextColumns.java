package dev.maigw.gateway.storage;

/**
 * Makes a string safe for a text column in both dialects. PostgreSQL text cannot hold NUL, and an
 * unpaired surrogate cannot be encoded as UTF-8; both become U+FFFD. Only the normalised copy is
 * touched: the raw body is always kept byte-exact.
 */
public final class TextColumns {

  private static final char REPLACEMENT = '\uFFFD';

  private TextColumns() {}

  /** Returns {@code text} unchanged when it is already storable (the common case), else a copy. */
  public static String storable(String text) {
    if (text == null || isStorable(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        out.append(REPLACEMENT);
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        out.append(REPLACEMENT);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isStorable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        return false;
      }
      if (Character.isSurrogate(c)) {
        boolean paired =
            Character.isHighSurrogate(c)
                && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
        if (!paired) {
          return false;
        }
        i++;
      }
    }
    return true;
  }
}
