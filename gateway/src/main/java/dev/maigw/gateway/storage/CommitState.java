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
  private final Duration stallThreshold;
  private volatile Instant lastCommitAt;
  private volatile Instant lastFailureAt;
  private volatile String lastFailure;
  private volatile boolean lastAttemptFailed;
  private volatile long lastAttemptNanos = System.nanoTime();

  /** {@link System#nanoTime} when the commit in progress began; 0 when idle. */
  private volatile long committingSinceNanos;

  /**
   * {@link System#nanoTime} when the writer began waiting for the store to open a transaction (the
   * SQLite write lock, a PostgreSQL connection and its write-order lock); 0 when not waiting. A
   * healthy store opens one in microseconds, so a long wait here means the store is held or gone,
   * unlike a slow commit of a big batch.
   */
  private volatile long beginningSinceNanos;

  /**
   * @param stuckAfter how long a whole attempt may take before the store counts as unable to commit
   * @param stallThreshold how long opening a transaction may take before the same
   */
  CommitState(Clock clock, Duration stuckAfter, Duration stallThreshold) {
    this.clock = clock;
    this.stuckAfter = stuckAfter;
    this.stallThreshold = stallThreshold;
  }

  void attemptStarted() {
    long now = nonZeroNanos();
    committingSinceNanos = now;
    beginningSinceNanos = now;
  }

  /** The transaction is open: from here on only the work and the commit take time. */
  void began() {
    beginningSinceNanos = 0;
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
    beginningSinceNanos = 0;
    lastAttemptNanos = System.nanoTime();
  }

  /** Whether the last attempt failed and ended at least {@code interval} ago: time to probe. */
  boolean shouldProbe(Duration interval) {
    return lastAttemptFailed && System.nanoTime() - lastAttemptNanos >= interval.toNanos();
  }

  /**
   * False while the store cannot commit: the last attempt found it unavailable, the writer has
   * waited longer than the stall threshold to open a transaction, or the attempt in progress has
   * taken longer than {@code stuckAfter}.
   */
  boolean canCommit() {
    long committing = committingSinceNanos;
    boolean stuck = committing != 0 && System.nanoTime() - committing > stuckAfter.toNanos();
    return !lastAttemptFailed && !stuck && !waitingToBegin();
  }

  /**
   * Whether the writer has been waiting longer than the stall threshold for the store to open a
   * transaction. Unlike a failed last attempt (after which the next write is itself the best probe)
   * this says the store is held or gone right now: a new write could only queue behind the wait.
   */
  boolean waitingToBegin() {
    long beginning = beginningSinceNanos;
    return beginning != 0 && System.nanoTime() - beginning > stallThreshold.toNanos();
  }

  private static long nonZeroNanos() {
    long now = System.nanoTime();
    return now == 0 ? 1 : now;
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
