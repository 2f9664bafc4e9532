package dev.maigw.sdk.webhook;

/**
 * Parse limits for {@link MaiAgentWebhookReader}. MaiAgent bodies are shallow and small, so the
 * defaults are tight; the body size itself is capped by the caller before reading.
 *
 * @param maxNestingDepth deepest allowed nesting of objects and arrays (default 64)
 * @param maxNumberLength longest allowed number token, in characters (default 100)
 * @param maxNameLength longest allowed property name, in characters (default 1024)
 * @param maxIdLength longest allowed message or conversation id, in characters (default 256)
 */
public record ReaderLimits(
    int maxNestingDepth, int maxNumberLength, int maxNameLength, int maxIdLength) {

  /**
   * Checks that every limit is positive.
   *
   * @throws IllegalArgumentException if a limit is zero or negative
   */
  public ReaderLimits {
    requirePositive("maxNestingDepth", maxNestingDepth);
    requirePositive("maxNumberLength", maxNumberLength);
    requirePositive("maxNameLength", maxNameLength);
    requirePositive("maxIdLength", maxIdLength);
  }

  /** Returns the defaults: depth 64, number 100, name 1024, id 256. */
  public static ReaderLimits defaults() {
    return new ReaderLimits(64, 100, 1024, 256);
  }

  private static void requirePositive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, not " + value + ".");
    }
  }
}
