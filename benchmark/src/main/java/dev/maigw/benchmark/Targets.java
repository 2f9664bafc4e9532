package dev.maigw.benchmark;

import java.util.List;
import java.util.Optional;

/**
 * The intake's targets on this 2-core machine, each compared with what the run measured: durable
 * throughput and p99 at concurrency 64, throughput relative to the no-op endpoint at 64, the
 * gateway's peak resident memory, its startup time, and the store check.
 */
final class Targets {

  static final double MIN_REQUESTS_PER_SECOND = 10_000;
  static final double MAX_P99_MILLIS = 20;
  static final double MIN_NOOP_RATIO = 0.5;
  static final long MAX_RSS_MEGABYTES = 300;
  static final long MAX_STARTUP_MILLIS = 5_000;

  private static final int C = Comparison.TARGET_CONCURRENCY;

  private Targets() {}

  /**
   * One row per target: what was measured, the goal, and {@code met}, {@code MISSED} or {@code n/a}
   * (not measured in this run).
   *
   * @param startupMillis the gateway's startup time, or -1 if not measured
   * @param check the store check's verdict line, or null if not run
   */
  static TextTable table(List<ScenarioResult> results, long startupMillis, String check) {
    TextTable table = new TextTable(4, "target", "measured", "goal", "result");
    Optional<ScenarioResult> durable = Comparison.durableAt(results, C);
    if (durable.isPresent()) {
      double perSecond = durable.get().requestsPerSecond();
      double p99 = durable.get().latencyMillis(99);
      table.row(
          "durable req/s at c=" + C,
          Report.number(perSecond),
          ">= " + Report.number(MIN_REQUESTS_PER_SECOND),
          verdict(perSecond >= MIN_REQUESTS_PER_SECOND));
      table.row(
          "durable p99 at c=" + C,
          Report.millis(p99) + " ms",
          "<= " + Report.millis(MAX_P99_MILLIS) + " ms",
          verdict(p99 <= MAX_P99_MILLIS));
    } else {
      table.row("durable at c=" + C, "not run", "", "n/a");
    }
    ratioRow(table, results);
    rssRow(table, results);
    table.row(
        "gateway startup",
        startupMillis < 0 ? "not measured" : Report.seconds(startupMillis) + " s",
        "<= " + Report.seconds(MAX_STARTUP_MILLIS) + " s",
        startupMillis < 0 ? "n/a" : verdict(startupMillis <= MAX_STARTUP_MILLIS));
    table.row(
        "store check",
        check == null ? "not run" : check.substring(0, 4),
        "acknowledged = stored once",
        check == null ? "n/a" : verdict(check.startsWith("PASS")));
    return table;
  }

  private static void ratioRow(TextTable table, List<ScenarioResult> results) {
    Optional<Comparison> comparison = Comparison.of(results).filter(x -> x.concurrency() == C);
    String name = "durable / no-op req/s at c=" + C;
    String goal = ">= " + Report.ratio(MIN_NOOP_RATIO);
    if (comparison.isEmpty()) {
      table.row(name, "not run", goal, "n/a");
      return;
    }
    double ratio = comparison.get().throughputRatio();
    table.row(name, Report.ratio(ratio), goal, verdict(ratio >= MIN_NOOP_RATIO));
  }

  private static void rssRow(TextTable table, List<ScenarioResult> results) {
    long kilobytes = results.stream().mapToLong(ScenarioResult::maxRssKilobytes).max().orElse(-1);
    table.row(
        "gateway max RSS (whole run)",
        kilobytes < 0 ? "not sampled" : Report.megabytes(kilobytes) + " MB",
        "<= " + MAX_RSS_MEGABYTES + " MB",
        kilobytes < 0 ? "n/a" : verdict(kilobytes <= MAX_RSS_MEGABYTES * 1024));
  }

  private static String verdict(boolean met) {
    return met ? "met" : "MISSED";
  }
}
