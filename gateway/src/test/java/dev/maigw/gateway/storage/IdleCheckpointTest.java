package dev.maigw.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.SettableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdleCheckpointTest {

  private final SettableClock clock = SettableClock.atNow();
  private final IdleCheckpoint checkpoint = new IdleCheckpoint(clock, Duration.ofSeconds(5));

  @Test
  void isDueOnlyAfterAQuietSpellSinceTheLastCommit() {
    checkpoint.committed();
    clock.advance(Duration.ofSeconds(4));
    assertThat(checkpoint.due()).isFalse();
    checkpoint.committed();
    clock.advance(Duration.ofSeconds(4));
    assertThat(checkpoint.due()).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(checkpoint.due()).isTrue();
  }

  @Test
  void isNotDueAgainUntilTheNextCommitOnceDone() {
    clock.advance(Duration.ofSeconds(5));
    assertThat(checkpoint.due()).as("a log left by the previous run").isTrue();
    checkpoint.attempted(true);
    clock.advance(Duration.ofHours(1));
    assertThat(checkpoint.due()).isFalse();
    checkpoint.committed();
    clock.advance(Duration.ofSeconds(5));
    assertThat(checkpoint.due()).isTrue();
  }

  @Test
  void waitsAnotherQuietSpellAfterAReaderWasInTheWay() {
    clock.advance(Duration.ofSeconds(5));
    checkpoint.attempted(false);
    clock.advance(Duration.ofSeconds(4));
    assertThat(checkpoint.due()).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(checkpoint.due()).isTrue();
  }

  @Test
  void neverWhenTurnedOff() {
    IdleCheckpoint off = new IdleCheckpoint(clock, Duration.ZERO);
    clock.advance(Duration.ofDays(1));
    assertThat(off.due()).isFalse();
  }
}
