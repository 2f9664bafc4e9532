package dev.maigw.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntakeBenchmarkTest {

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void runsEveryScenarioChecksTheStoreAndWritesMarkdown() throws Exception {
    Path report = dir.resolve("results/intake.md");
    try (TestReceiver receiver = TestReceiver.storingInto(dir.resolve("maigw.db"))) {
      int status = run(receiver, report);

      assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
      assertThat(receiver.noopRequests()).isPositive();
    }
    String console = out.toString(StandardCharsets.UTF_8);
    String markdown = Files.readString(report);
    assertThat(console)
        .contains("Store check: PASS: acknowledged ")
        .contains("Durable / no-op throughput at c=4: ")
        .contains("gateway max RSS")
        .contains("Markdown report: " + report);
    assertThat(markdown)
        .contains("## Scenarios")
        .contains("| closed loop c=1 | durable | c=1 |")
        .contains("| closed loop c=4 | no-op | c=4 |")
        .contains("| fixed rate 100/s | durable | 100/s |")
        .contains("## Store check\n\nPASS: ")
        .contains("| gateway startup | 1.2 s | <= 5.0 s | met |");
  }

  @Test
  void failsWhenAnAcknowledgedMessageWasNotStored() throws Exception {
    Path report = dir.resolve("intake.md");
    try (TestReceiver receiver =
        TestReceiver.storingInto(dir.resolve("maigw.db")).losing(n -> n == 7)) {
      int status = run(receiver, report, "--concurrency", "2", "--rate", "0", "--noop-url", "none");

      assertThat(status).isEqualTo(1);
    }
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Store check: FAIL: ")
        .contains("missing 1, duplicates 0")
        .containsPattern("store check +FAIL +acknowledged = stored once +MISSED");
  }

  @Test
  void refusesNonLoopbackTargetWithUsageStatus() {
    int status =
        IntakeBenchmark.run(
            new String[] {"--url", "http://203.0.113.9:8080/maiagent/webhook"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Clock.systemUTC());

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith(
            "error: Refusing non-loopback target; only 127.0.0.0/8, ::1 and localhost are"
                + " allowed: http://203.0.113.9:8080/maiagent/webhook");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void printsHelpWithEveryOption() {
    int status =
        IntakeBenchmark.run(
            new String[] {"--help"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Clock.systemUTC());

    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("--url", "--noop-url", "--concurrency", "--rate", "--duration", "--warmup")
        .contains("--sqlite", "--pid", "--out", "loopback");
  }

  private int run(TestReceiver receiver, Path report, String... overrides) {
    String[] defaults = {
      "--url", receiver.url("/maiagent/webhook"),
      "--noop-url", receiver.url("/bench/noop"),
      "--concurrency", "1,4",
      "--rate", "100",
      "--rate-connections", "2",
      "--warmup", "100ms",
      "--duration", "250ms",
      "--sqlite", dir.resolve("maigw.db").toString(),
      "--pid", Long.toString(ProcessHandle.current().pid()),
      "--startup-ms", "1234",
      "--out", report.toString()
    };
    String[] args = Arrays.copyOf(defaults, defaults.length + overrides.length);
    System.arraycopy(overrides, 0, args, defaults.length, overrides.length);
    return IntakeBenchmark.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        Clock.systemUTC());
  }
}
