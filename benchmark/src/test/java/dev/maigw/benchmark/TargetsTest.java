package dev.maigw.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class TargetsTest {

  private static final LoopbackTarget TARGET = LoopbackTarget.parse("http://127.0.0.1:8080/x");

  @Test
  void judgesEachTargetAtConcurrency64() {
    List<ScenarioResult> results =
        List.of(
            result(0, Scenario.Endpoint.DURABLE, 64, 12_000, 15_000, 280 * 1024),
            result(1, Scenario.Endpoint.NOOP, 64, 20_000, 2_000, 290 * 1024));

    String table = Targets.table(results, 3_400, "PASS: acknowledged 1").plain();

    assertThat(table)
        .containsPattern("durable req/s at c=64 +12000 +>= 10000 +met")
        .containsPattern("durable p99 at c=64 +15\\.0\\d ms +<= 20\\.00 ms +met")
        .containsPattern("durable / no-op req/s at c=64 +0\\.60 +>= 0\\.50 +met")
        .containsPattern("gateway max RSS \\(whole run\\) +290 MB +<= 300 MB +met")
        .containsPattern("gateway startup +3\\.4 s +<= 5\\.0 s +met")
        .containsPattern("store check +PASS +acknowledged = stored once +met");
  }

  @Test
  void marksMissedTargets() {
    List<ScenarioResult> results =
        List.of(
            result(0, Scenario.Endpoint.DURABLE, 64, 8_000, 35_000, 400 * 1024),
            result(1, Scenario.Endpoint.NOOP, 64, 20_000, 2_000, 400 * 1024));

    String table = Targets.table(results, 6_000, "FAIL: acknowledged 1").plain();

    assertThat(table.lines().filter(line -> line.endsWith("MISSED"))).hasSize(6);
  }

  @Test
  void saysNotApplicableForWhatWasNotMeasured() {
    List<ScenarioResult> results =
        List.of(result(0, Scenario.Endpoint.DURABLE, 16, 12_000, 15_000, -1));

    String table = Targets.table(results, -1, null).plain();

    assertThat(table.lines().filter(line -> line.endsWith("n/a"))).hasSize(5);
    assertThat(table).contains("durable at c=64", "not sampled", "not measured", "not run");
  }

  private static ScenarioResult result(
      int index,
      Scenario.Endpoint endpoint,
      int connections,
      double perSecond,
      long p99Micros,
      long rssKilobytes) {
    Histogram latency = new Histogram(LoadWorker.HIGHEST_LATENCY_MICROS, 3);
    latency.recordValueWithCount(500, 98);
    latency.recordValueWithCount(p99Micros, 2);
    Scenario scenario = new Scenario(index, endpoint, TARGET, new Load.ClosedLoop(connections));
    return new ScenarioResult(
        scenario, 100, 0, 0, 0, perSecond, latency, rssKilobytes, List.of(), null);
  }
}
