package dev.maigw.benchmark;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The message ids of one run. An id is the run prefix followed by a {@value #NUMBER_DIGITS}-digit
 * number that packs the scenario index, the connection index and the connection's sequence number,
 * so the generator can keep what it sent and what was acknowledged as bits per connection instead
 * of strings, and the checker can map a stored id back to its request.
 *
 * @param prefix lower-case letters, digits and dashes, so it is safe inside a SQL {@code LIKE}
 *     pattern
 */
record RequestIds(String prefix) {

  static final int NUMBER_DIGITS = 13;
  static final long SEQUENCES_PER_CONNECTION = 100_000_000L;
  static final int MAX_CONNECTIONS = 1_000;
  static final int MAX_SCENARIOS = 100;

  private static final Pattern SAFE_PREFIX = Pattern.compile("[a-z0-9-]{1,64}");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  RequestIds {
    if (!SAFE_PREFIX.matcher(prefix).matches()) {
      throw new BenchmarkException("Run prefix must match [a-z0-9-]{1,64}: " + prefix);
    }
  }

  /** A prefix unique to this run: {@code bench-<UTC time>-<4 hex digits>-}. */
  static RequestIds forRun(Clock clock, RandomGenerator random) {
    String stamp = STAMP.format(clock.instant()).toLowerCase(java.util.Locale.ROOT);
    return new RequestIds(String.format("bench-%s-%04x-", stamp, random.nextInt(0x10000)));
  }

  static long number(int scenario, int connection, long sequence) {
    if (scenario < 0 || scenario >= MAX_SCENARIOS) {
      throw new IllegalArgumentException("scenario out of range: " + scenario);
    }
    if (connection < 0 || connection >= MAX_CONNECTIONS) {
      throw new IllegalArgumentException("connection out of range: " + connection);
    }
    if (sequence < 0 || sequence >= SEQUENCES_PER_CONNECTION) {
      throw new IllegalArgumentException("sequence out of range: " + sequence);
    }
    return (scenario * (long) MAX_CONNECTIONS + connection) * SEQUENCES_PER_CONNECTION + sequence;
  }

  static int scenarioOf(long number) {
    return (int) (number / SEQUENCES_PER_CONNECTION / MAX_CONNECTIONS);
  }

  static int connectionOf(long number) {
    return (int) (number / SEQUENCES_PER_CONNECTION % MAX_CONNECTIONS);
  }

  static long sequenceOf(long number) {
    return number % SEQUENCES_PER_CONNECTION;
  }

  /** The id string for {@code number}: the prefix and the zero-padded number. */
  String idOf(long number) {
    String digits = Long.toString(number);
    return prefix + "0".repeat(NUMBER_DIGITS - digits.length()) + digits;
  }

  /** The number inside {@code id}, or -1 if {@code id} is not an id of this run. */
  long numberOf(String id) {
    if (id == null || id.length() != prefix.length() + NUMBER_DIGITS || !id.startsWith(prefix)) {
      return -1;
    }
    long number = 0;
    for (int i = prefix.length(); i < id.length(); i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      number = number * 10 + (c - '0');
    }
    return number;
  }
}
