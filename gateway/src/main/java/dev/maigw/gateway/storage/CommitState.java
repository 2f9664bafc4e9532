package dev.maigw.gateway.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What the writer thread last managed to do, written by that thread alone and read by anyone (hence
 * the volatile fields): when it last committed, when and why the store last refused, and whether a
 * commit is in progress. Durations are measured on the monotonic clock; the instants reported come
 * from the injected {@link Clock}.
 */
final class CommitState {

  private final Clock clock;
  private final Duration stuckAfter;
  private volatile Instant lastCommitAt;
  private volatile Instant lastFailureAt;
  private volatile String lastFailure;
  private volatile boolean lastAttemptFailed;
  private volatile long lastAttemptNanos = System.nanoTime();

  /** {@link System#nanoTime} when the commit in progress began; 0 when idle. */
  private volatile long committingSinceNanos;

  CommitState(Clock clock, Duration stuckAfter) {
    this.clock = clock;
    this.stuckAfter = stuckAfter;
  }

  void attemptStarted() {
    long now = System.nanoTime();
    committingSinceNanos = now == 0 ? 1 : now;
  }

  void committed() {
    lastCommitAt = clock.instant();
    lastAttemptFailed = false;
    attemptEnded();
  }

  /** The store could not commit (unavailable); a work's own failure is not recorded here. */
  void unavailable(Exception failure) {
    lastFailureAt = clock.instant();
    lastFailure = Dialect.describe(failure);
    lastAttemptFailed = true;
    attemptEnded();
  }

  /** The attempt ended without telling anything about the store (e.g. only a work failed). */
  void attemptEnded() {
    committingSinceNanos = 0;
    lastAttemptNanos = System.nanoTime();
  }

  /** Whether the last attempt failed and ended at least {@code interval} ago: time to probe. */
  boolean shouldProbe(Duration interval) {
    return lastAttemptFailed && System.nanoTime() - lastAttemptNanos >= interval.toNanos();
  }

  boolean canCommit() {
    long since = committingSinceNanos;
    boolean stuck = since != 0 && System.nanoTime() - since > stuckAfter.toNanos();
    return !lastAttemptFailed && !stuck;
  }

  Instant lastCommitAt() {
    return lastCommitAt;
  }

  Instant lastFailureAt() {
    return lastFailureAt;
  }

  String lastFailure() {
    return lastFailure;
  }
}
