package dev.maigw.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

  @Test
  void defaultsMatchTheIssue() {
    BenchmarkOptions options = BenchmarkOptions.parse();

    assertThat(options.durable().url()).isEqualTo("http://127.0.0.1:8080/maiagent/webhook");
    assertThat(options.noop().url()).isEqualTo("http://127.0.0.1:8080/bench/noop");
    assertThat(options.concurrencies()).containsExactly(1, 16, 64);
    assertThat(options.rate()).isEqualTo(2000);
    assertThat(options.duration()).isEqualTo(Duration.ofSeconds(20));
    assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(5));
    assertThat(options.sqlite()).isNull();
    assertThat(options.pid()).isZero();
    assertThat(options.startupMillis()).isEqualTo(-1);
  }

  @Test
  void parsesBothOptionFormsAndLaterWins() {
    BenchmarkOptions options =
        BenchmarkOptions.parse(
            "--concurrency=2,8",
            "--duration",
            "500ms",
            "--warmup=1m",
            "--duration",
            "3s",
            "--sqlite",
            "/tmp/x.db",
            "--pid",
            "123",
            "--noop-url",
            "none",
            "--rate",
            "0");

    assertThat(options.concurrencies()).containsExactly(2, 8);
    assertThat(options.duration()).isEqualTo(Duration.ofSeconds(3));
    assertThat(options.warmup()).isEqualTo(Duration.ofMinutes(1));
    assertThat(options.sqlite()).isEqualTo(Path.of("/tmp/x.db"));
    assertThat(options.pid()).isEqualTo(123);
    assertThat(options.noop()).isNull();
    assertThat(IntakeBenchmark.plan(options)).hasSize(2);
  }

  @Test
  void plansDurableThenNoopForEachLoad() {
    BenchmarkOptions options = BenchmarkOptions.parse("--concurrency", "1,64", "--rate", "500");

    assertThat(IntakeBenchmark.plan(options))
        .extracting(s -> s.index() + " " + s.name() + " " + s.endpoint().label())
        .containsExactly(
            "0 closed loop c=1 durable",
            "1 closed loop c=1 no-op",
            "2 closed loop c=64 durable",
            "3 closed loop c=64 no-op",
            "4 fixed rate 500/s durable",
            "5 fixed rate 500/s no-op");
  }

  @Test
  void refusesNonLoopbackNoopUrl() {
    assertThatThrownBy(() -> BenchmarkOptions.parse("--noop-url", "http://192.168.1.10/noop"))
        .isInstanceOf(BenchmarkException.class)
        .hasMessageStartingWith("Refusing non-loopback target");
  }

  @Test
  void refusesUnknownOptionMissingValueAndBadNumbers() {
    assertThatThrownBy(() -> BenchmarkOptions.parse("--threads", "4"))
        .hasMessage("Unknown option: --threads");
    assertThatThrownBy(() -> BenchmarkOptions.parse("--rate"))
        .hasMessage("Option needs a value: --rate");
    assertThatThrownBy(() -> BenchmarkOptions.parse("--concurrency", "1,0"))
        .hasMessage("Option is outside 1..512: --concurrency 0");
    assertThatThrownBy(() -> BenchmarkOptions.parse("--duration", "fast"))
        .hasMessage("Option is not a duration like 20s or 500ms: --duration");
    assertThatThrownBy(() -> BenchmarkOptions.parse("--duration", "0s"))
        .hasMessage("Option must be more than zero: --duration");
    assertThatThrownBy(() -> BenchmarkOptions.parse("--warmup", "11m"))
        .hasMessage("Option is outside 0..10m: --warmup 11m");
  }

  @Test
  void recognizesHelpAnywhere() {
    assertThat(BenchmarkOptions.wantsHelp("--url", "http://10.0.0.1/", "--help")).isTrue();
    assertThat(BenchmarkOptions.wantsHelp("--url", "http://127.0.0.1/")).isFalse();
  }
}
