package dev.maigw.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Everything one run measured, rendered as plain text for the console and as Markdown for the
 * results file. Both carry the same tables.
 *
 * @param ids the run's message ids
 * @param startedAt when the run started
 * @param options the command line
 * @param bodyBytes the size of each webhook body
 * @param results one per scenario, in the order run
 * @param check the store check's verdict line, or null if not requested
 */
record Report(
    RequestIds ids,
    Instant startedAt,
    BenchmarkOptions options,
    int bodyBytes,
    List<ScenarioResult> results,
    String check) {

  String plain() {
    StringBuilder text = new StringBuilder();
    text.append("MaiAgent Gateway intake benchmark\n").append(context()).append('\n');
    text.append(scenarioTable().plain()).append('\n');
    text.append(comparisonLine()).append('\n');
    text.append("Store check: ").append(check == null ? "not requested" : check).append("\n\n");
    text.append("Targets (2-core machine, load generator on the same machine):\n");
    text.append(targetTable().plain());
    errors().forEach(line -> text.append(line).append('\n'));
    return text.toString();
  }

  String markdown() {
    StringBuilder text = new StringBuilder();
    text.append("# Intake benchmark ")
        .append(startedAt.truncatedTo(ChronoUnit.SECONDS))
        .append("\n\n");
    text.append(context().replace("\n", "  \n")).append('\n');
    text.append("## Scenarios\n\n").append(scenarioTable().markdown()).append('\n');
    text.append(comparisonLine()).append("\n\n");
    text.append("## Store check\n\n").append(check == null ? "not requested" : check);
    text.append("\n\n## Targets\n\n").append(targetTable().markdown());
    List<String> errors = errors();
    if (!errors.isEmpty()) {
      text.append("\n## First errors\n\n");
      errors.forEach(line -> text.append("- ").append(line).append('\n'));
    }
    return text.toString();
  }

  private String context() {
    return String.format(
        Locale.ROOT,
        "run %s at %s; %d cores, Java %s; load generator on the same machine\n"
            + "each scenario: warm-up %s (discarded), measured %s; body %d bytes, %d conversations;"
            + " latency in ms\n",
        ids.prefix(),
        startedAt.truncatedTo(ChronoUnit.SECONDS),
        Runtime.getRuntime().availableProcessors(),
        Runtime.version().feature()
            + "."
            + Runtime.version().interim()
            + "."
            + Runtime.version().update(),
        duration(options.warmup()),
        duration(options.duration()),
        bodyBytes,
        WebhookRequestTemplate.CONVERSATION_POOL_SIZE);
  }

  TextTable scenarioTable() {
    TextTable table =
        new TextTable(
            3,
            "scenario",
            "endpoint",
            "load",
            "requests",
            "non-200",
            "io errors",
            "reconnects",
            "req/s",
            "p50 ms",
            "p99 ms",
            "p99.9 ms",
            "max ms",
            "max RSS MB");
    for (ScenarioResult r : results) {
      table.row(
          r.scenario().name(),
          r.scenario().endpoint().label(),
          r.scenario().load().label(),
          Long.toString(r.requests()),
          Long.toString(r.non200()),
          Long.toString(r.ioErrors()),
          Long.toString(r.reconnects()),
          number(r.requestsPerSecond()),
          millis(r.latencyMillis(50)),
          millis(r.latencyMillis(99)),
          millis(r.latencyMillis(99.9)),
          millis(r.maxLatencyMillis()),
          r.maxRssKilobytes() < 0 ? "-" : megabytes(r.maxRssKilobytes()));
    }
    return table;
  }

  private String comparisonLine() {
    return Comparison.of(results)
        .map(
            c ->
                String.format(
                    Locale.ROOT,
                    "Durable / no-op throughput at c=%d: %s / %s req/s = %s",
                    c.concurrency(),
                    number(c.durable().requestsPerSecond()),
                    number(c.noop().requestsPerSecond()),
                    ratio(c.throughputRatio())))
        .orElse("Durable / no-op throughput: no concurrency was run against both endpoints");
  }

  private TextTable targetTable() {
    return Targets.table(results, options.startupMillis(), check);
  }

  private List<String> errors() {
    return results.stream()
        .filter(r -> r.firstError() != null)
        .map(
            r ->
                r.scenario().name() + " " + r.scenario().endpoint().label() + ": " + r.firstError())
        .toList();
  }

  static String duration(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + " s"
        : duration.toMillis() + " ms";
  }

  static String number(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.0f", value);
  }

  static String millis(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
  }

  static String ratio(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
  }

  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f", millis / 1000.0);
  }

  static String megabytes(long kilobytes) {
    return String.format(Locale.ROOT, "%.0f", kilobytes / 1024.0);
  }
}
