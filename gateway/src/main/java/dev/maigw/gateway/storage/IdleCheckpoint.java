package dev.maigw.gateway.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When the writer should truncate SQLite's log: after {@code idle} without a commit, once per quiet
 * spell, and again only after another {@code idle} when a reader was in the way. Used by the writer
 * thread alone.
 */
final class IdleCheckpoint {

  private final Clock clock;
  private final Duration idle;

  /** The last commit not yet checkpointed, or null when the log holds nothing new. */
  private Instant pendingSince;

  private Instant notBefore = Instant.MIN;

  IdleCheckpoint(Clock clock, Duration idle) {
    this.clock = clock;
    this.idle = idle;
    // A log left by the previous run is truncated after the first quiet spell too.
    this.pendingSince = clock.instant();
  }

  void committed() {
    pendingSince = clock.instant();
  }

  boolean due() {
    if (idle.isZero() || idle.isNegative() || pendingSince == null) {
      return false;
    }
    Instant now = clock.instant();
    return !now.isBefore(pendingSince.plus(idle)) && !now.isBefore(notBefore);
  }

  /** Records a checkpoint attempt: done, or to try again after another idle period. */
  void attempted(boolean complete) {
    if (complete) {
      pendingSince = null;
    } else {
      notBefore = clock.instant().plus(idle);
    }
  }
}
