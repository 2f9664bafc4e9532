package dev.maigw.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

  private final RequestIds ids = new RequestIds("bench-x-");

  @Test
  void idRoundTripsScenarioConnectionAndSequence() {
    long number = RequestIds.number(99, 999, RequestIds.SEQUENCES_PER_CONNECTION - 1);
    String id = ids.idOf(number);

    assertThat(id).isEqualTo("bench-x-9999999999999");
    assertThat(ids.numberOf(id)).isEqualTo(number);
    assertThat(RequestIds.scenarioOf(number)).isEqualTo(99);
    assertThat(RequestIds.connectionOf(number)).isEqualTo(999);
    assertThat(RequestIds.sequenceOf(number)).isEqualTo(RequestIds.SEQUENCES_PER_CONNECTION - 1);
  }

  @Test
  void padsSmallNumbersToFixedWidth() {
    assertThat(ids.idOf(RequestIds.number(0, 2, 5))).isEqualTo("bench-x-0000200000005");
  }

  @Test
  void doesNotRecognizeIdsOfAnotherRunOrShape() {
    assertThat(ids.numberOf("bench-y-0000200000005")).isEqualTo(-1);
    assertThat(ids.numberOf("bench-x-000020000000")).isEqualTo(-1);
    assertThat(ids.numberOf("bench-x-00002000000x5")).isEqualTo(-1);
    assertThat(ids.numberOf(null)).isEqualTo(-1);
  }

  @Test
  void runPrefixCarriesUtcTimeAndIsLikeSafe() {
    Clock clock = Clock.fixed(Instant.parse("2025-05-20T06:41:12Z"), ZoneOffset.ofHours(8));

    String prefix = RequestIds.forRun(clock, new SplittableRandom(1)).prefix();

    assertThat(prefix).matches("bench-20250520t064112-[0-9a-f]{4}-");
  }

  @Test
  void refusesPrefixThatWouldActAsLikeWildcard() {
    assertThatThrownBy(() -> new RequestIds("bench_x%"))
        .isInstanceOf(BenchmarkException.class)
        .hasMessage("Run prefix must match [a-z0-9-]{1,64}: bench_x%");
  }
}
