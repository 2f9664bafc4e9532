package dev.maigw.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The command line of {@link IntakeBenchmark}, parsed and checked. See {@link #USAGE} for each
 * option and its default.
 *
 * @param durable the durable intake endpoint
 * @param noop the no-op endpoint, or null to skip the no-op scenarios
 * @param concurrencies the closed-loop connection counts, each one scenario per endpoint
 * @param rate the fixed-rate scenario's requests per second, 0 to skip it
 * @param rateConnections the connections the fixed rate is spread over
 * @param duration the measured phase of each scenario
 * @param warmup the discarded phase before it
 * @param sqlite the gateway's SQLite file to check, or null
 * @param jdbcUrl a JDBC URL of the gateway's database to check instead, or null
 * @param pid the gateway's process id for resident-memory sampling, or 0
 * @param out the Markdown report file, or null for {@code bench-results/intake-<time>.md}
 * @param startupMillis the gateway's measured startup time to include in the report, or -1
 */
record BenchmarkOptions(
    LoopbackTarget durable,
    LoopbackTarget noop,
    List<Integer> concurrencies,
    int rate,
    int rateConnections,
    Duration duration,
    Duration warmup,
    Path sqlite,
    String jdbcUrl,
    long pid,
    Path out,
    long startupMillis) {

  static final String USAGE =
      """
      Usage: java -jar benchmark/target/maiagent-benchmark.jar [options]

      Loads the gateway's webhook intake on loopback, closed-loop at each concurrency and at a
      fixed rate, against the durable endpoint and a no-op endpoint in the same gateway JVM.
      Reports requests/s and latency percentiles, then checks the store: every acknowledged id
      stored exactly once, nothing stored that was not sent. bin/bench-intake starts a gateway
      and runs this for you.

      Options (defaults in brackets):
        --url URL              durable endpoint [http://127.0.0.1:8080/maiagent/webhook]
        --noop-url URL|none    no-op endpoint; none skips it [http://127.0.0.1:8080/bench/noop]
        --concurrency LIST     closed-loop connection counts, comma-separated [1,16,64]
        --rate N               fixed-rate scenario in requests/s; 0 skips it [2000]
        --rate-connections N   connections the fixed rate is spread over [64]
        --duration TIME        measured phase per scenario, e.g. 20s, 500ms, 1m [20s]
        --warmup TIME          discarded phase before each measured phase [5s]
        --sqlite PATH          gateway's SQLite file, opened read-only for the check [no check]
        --jdbc-url URL         or a JDBC URL of the gateway's database (e.g. PostgreSQL)
        --pid PID              gateway process id; samples its VmRSS every 250 ms [not sampled]
        --startup-ms N         gateway startup time measured by the caller, for the report
        --out FILE             Markdown report [bench-results/intake-<time>.md]
        --help                 print this and exit

      Only loopback targets are accepted (127.0.0.0/8, ::1, localhost). Exit status: 0 if the
      store check passed or was not requested, 1 if it failed, 2 on a usage error.
      """;

  private static final int MAX_CONNECTIONS = 512;
  private static final Duration MAX_PHASE = Duration.ofMinutes(10);

  /**
   * Parses {@code --name value} and {@code --name=value} options; a later option wins.
   *
   * @throws BenchmarkException on an unknown option, a missing or malformed value, or a
   *     non-loopback URL
   */
  static BenchmarkOptions parse(String... args) {
    OptionValues values = new OptionValues();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new BenchmarkException("Unexpected argument: " + arg);
      }
      int equals = arg.indexOf('=');
      String name = equals < 0 ? arg : arg.substring(0, equals);
      String value;
      if (equals >= 0) {
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new BenchmarkException("Option needs a value: " + name);
      }
      values.set(name, value);
    }
    return values.build();
  }

  /** Whether {@code --help} or {@code -h} is among {@code args}, whatever else is there. */
  static boolean wantsHelp(String... args) {
    return List.of(args).contains("--help") || List.of(args).contains("-h");
  }

  /** Parses {@code 20s}, {@code 500ms}, {@code 1m} or a bare number of seconds. */
  static Duration parseDuration(String name, String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    try {
      Duration parsed;
      if (value.endsWith("ms")) {
        parsed = Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
      } else if (value.endsWith("s")) {
        parsed = Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
      } else if (value.endsWith("m")) {
        parsed = Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
      } else {
        parsed = Duration.ofSeconds(Long.parseLong(value));
      }
      if (parsed.isNegative() || parsed.compareTo(MAX_PHASE) > 0) {
        throw new BenchmarkException("Option is outside 0..10m: " + name + " " + text);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new BenchmarkException("Option is not a duration like 20s or 500ms: " + name, e);
    }
  }

  static int parseInt(String name, String text, int min, int max) {
    int value;
    try {
      value = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new BenchmarkException("Option is not a whole number: " + name + " " + text, e);
    }
    if (value < min || value > max) {
      throw new BenchmarkException(
          "Option is outside " + min + ".." + max + ": " + name + " " + value);
    }
    return value;
  }

  /** The mutable side of parsing; only {@link #build} makes the record. */
  private static final class OptionValues {
    String url = "http://127.0.0.1:8080/maiagent/webhook";
    String noopUrl = "http://127.0.0.1:8080/bench/noop";
    List<Integer> concurrencies = List.of(1, 16, 64);
    int rate = 2000;
    int rateConnections = 64;
    Duration duration = Duration.ofSeconds(20);
    Duration warmup = Duration.ofSeconds(5);
    Path sqlite;
    String jdbcUrl;
    long pid;
    Path out;
    long startupMillis = -1;

    void set(String name, String value) {
      switch (name) {
        case "--url" -> url = value;
        case "--noop-url" -> noopUrl = value;
        case "--concurrency" -> concurrencies = parseList(name, value);
        case "--rate" -> rate = parseInt(name, value, 0, 1_000_000);
        case "--rate-connections" -> rateConnections = parseInt(name, value, 1, MAX_CONNECTIONS);
        case "--duration" -> duration = parseDuration(name, value);
        case "--warmup" -> warmup = parseDuration(name, value);
        case "--sqlite" -> sqlite = Path.of(value);
        case "--jdbc-url" -> jdbcUrl = value;
        case "--pid" -> pid = parseInt(name, value, 1, Integer.MAX_VALUE);
        case "--startup-ms" -> startupMillis = parseInt(name, value, 0, Integer.MAX_VALUE);
        case "--out" -> out = Path.of(value);
        default -> throw new BenchmarkException("Unknown option: " + name);
      }
    }

    private static List<Integer> parseList(String name, String value) {
      List<Integer> list = new ArrayList<>();
      for (String part : value.split(",")) {
        list.add(parseInt(name, part, 1, MAX_CONNECTIONS));
      }
      return List.copyOf(list);
    }

    BenchmarkOptions build() {
      if (duration.isZero()) {
        throw new BenchmarkException("Option must be more than zero: --duration");
      }
      if (sqlite != null && jdbcUrl != null) {
        throw new BenchmarkException("Options are exclusive: --sqlite --jdbc-url");
      }
      LoopbackTarget noop = noopUrl.equals("none") ? null : LoopbackTarget.parse(noopUrl);
      return new BenchmarkOptions(
          LoopbackTarget.parse(url),
          noop,
          concurrencies,
          rate,
          rateConnections,
          duration,
          warmup,
          sqlite,
          jdbcUrl,
          pid,
          out,
          startupMillis);
    }
  }
}
