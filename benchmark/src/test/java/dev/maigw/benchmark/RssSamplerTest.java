package dev.maigw.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RssSamplerTest {

  @Test
  void parsesVmRssFromProcStatus() {
    String status = "Name:\tjava\nVmPeak:\t 4000000 kB\nVmRSS:\t  204812 kB\nThreads:\t42\n";

    assertThat(RssSampler.parseVmRssKilobytes(status)).isEqualTo(204_812);
  }

  @Test
  void reportsMissingVmRssAsMinusOne() {
    assertThat(RssSampler.parseVmRssKilobytes("Name:\tkthreadd\nState:\tS\n")).isEqualTo(-1);
  }

  @Test
  void samplesThisProcessAndStartsOverAfterReset() {
    try (RssSampler sampler =
        new RssSampler(ProcessHandle.current().pid(), Duration.ofMillis(10))) {
      long first = sampler.resetMax();

      assertThat(first).isGreaterThan(1_000);
      assertThat(sampler.resetMax()).isGreaterThan(1_000);
    }
  }

  @Test
  void refusesProcessThatDoesNotExist() {
    assertThatThrownBy(() -> new RssSampler(Integer.MAX_VALUE, Duration.ofMillis(250)))
        .isInstanceOf(BenchmarkException.class)
        .hasMessage("Cannot read the resident memory of process: " + Integer.MAX_VALUE);
  }
}
