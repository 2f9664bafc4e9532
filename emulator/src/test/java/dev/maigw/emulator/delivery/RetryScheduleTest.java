package dev.maigw.emulator.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maigw.emulator.system.ConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

  @Test
  void eachDelayFollowsTheAttemptOfTheSameNumberThenItGivesUp() {
    RetrySchedule schedule = RetrySchedule.parseMillis("1000,5000,30000");

    assertThat(schedule.maxAttempts()).isEqualTo(4);
    assertThat(schedule.delayAfter(1)).hasValue(Duration.ofSeconds(1));
    assertThat(schedule.delayAfter(3)).hasValue(Duration.ofSeconds(30));
    assertThat(schedule.delayAfter(4)).isEmpty();
  }

  @Test
  void refusesNonNumbers() {
    assertThatThrownBy(() -> RetrySchedule.parseMillis("1s,5s"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "MAIAGENT_EMULATOR_RETRY_DELAYS_MS must be comma-separated milliseconds: 1s,5s");
  }
}
