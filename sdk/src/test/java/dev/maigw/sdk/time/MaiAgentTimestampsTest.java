package dev.maigw.sdk.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The shared timestamp forms; the webhook's TimestampsTest covers each form in depth. */
class MaiAgentTimestampsTest {

  @Test
  void readsMillisecondsSecondsAndIso() {
    Instant expected = Instant.parse("2025-05-20T06:41:12Z");

    assertThat(MaiAgentTimestamps.parse("1747723272000")).isEqualTo(expected);
    assertThat(MaiAgentTimestamps.parse("1747723272")).isEqualTo(expected);
    assertThat(MaiAgentTimestamps.parse("2025-05-20T14:41:12+08:00")).isEqualTo(expected);
  }

  @Test
  void nullAndUnreadableTextGiveNull() {
    assertThat(MaiAgentTimestamps.parse(null)).isNull();
    assertThat(MaiAgentTimestamps.parse("17477232720")).isNull();
  }
}
