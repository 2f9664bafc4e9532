package dev.maigw.sdk.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReaderLimitsTest {

  @Test
  void defaultsMatchTheReliabilityChecklist() {
    assertThat(ReaderLimits.defaults()).isEqualTo(new ReaderLimits(64, 100, 1024, 256));
  }

  @Test
  void rejectsLimitsThatAreNotPositive() {
    assertThatThrownBy(() -> new ReaderLimits(64, 100, 1024, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxIdLength must be positive, not 0.");
    assertThatThrownBy(() -> new ReaderLimits(-1, 100, 1024, 256))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxNestingDepth must be positive, not -1.");
  }
}
