package dev.maigw.gateway.storage;

import com.zaxxer.hikari.HikariDataSource;
import dev.maigw.gateway.storage.WriteQueue.Pending;
import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Loops;
import dev.maigw.gateway.system.StoreUnavailableException;
import dev.maigw.gateway.system.SupervisedLoop;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer. Callers hand it a {@link Work} and block until that work is committed; works
 * that queue up while a commit is in progress are committed together in the next transaction, so a
 * burst of webhooks costs one fsync instead of one each (group commit).
 *
 * <p>Guarantee: {@link #write} returns only after the transaction holding the work has committed
 * with the dialect's durable settings. If it throws, the work may or may not have been committed: a
 * work whose caller has already given up (timed out, cancelled) when the writer takes it is dropped
 * unrun, but the timeout can also fire while the batch holding the work commits, and then the work
 * is committed although its caller was told it failed. Callers therefore answer "retry", and every
 * retried write must be idempotent (webhooks are deduplicated by message id).
 *
 * <p>The queue is bounded twice: in count ({@code max-queued-writes}) and in the bytes callers
 * declare with {@link #submit(Work, long)} ({@code max-queued-bytes}), so a stalled store cannot
 * fill the heap with queued bodies. Past either bound a write fails at once with {@link
 * StoreUnavailableException}. Bytes are given back when the writer is done with the work
 * (committed, failed or dropped), not when its caller times out: until then the body is still held.
 */
public final class GroupCommitWriter implements AutoCloseable {

  /**
   * One unit of writing, run inside the writer's transaction. Must not block on I/O, and must be
   * safe to run again: when a neighbour in its batch fails or refuses, the batch is rolled back and
   * the work is run once more in a new transaction. A work that refuses (throws a {@link
   * GatewayException}) has its writes undone and its after-commit actions dropped.
   */
  @FunctionalInterface
  public interface Work<T> {
    T run(WriteSession session) throws SQLException;
  }

  private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

  /** How often an idle writer whose last attempt failed tries an empty commit. */
  private static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

  private final WriterConnection connection;
  private final Dialect dialect;
  private final int maxBatchSize;
  private final Duration writeTimeout;
  private final WriteQueue queue;
  private final CommitState state;
  private final IdleCheckpoint checkpoint;
  private final DistributionSummary batchSizes;
  private final Counter dropped;
  private final SupervisedLoop thread;

  /** A supervisor of its own when none was given, closed with the writer; else null. */
  private final Loops ownLoops;

  /** The works the writer thread holds; touched by that thread alone (one at a time). */
  private final List<Pending<?>> batch;

  /** Whether a writer thread ran before this one (then this one takes over from a dead one). */
  private boolean ranBefore;

  private volatile boolean accepting = true;

  /** A writer with a supervisor of its own, restarting its thread within a second should it die. */
  public GroupCommitWriter(
      HikariDataSource writeDataSource,
      Dialect dialect,
      StorageProperties properties,
      MeterRegistry meters,
      Clock clock) {
    this(writeDataSource, dialect, properties, SqliteProperties.defaults(), meters, clock, null);
  }

  /**
   * A writer whose thread {@code loops} supervises: should the thread die (an {@link Error}), a new
   * one takes over the queue, and the works the dead one held are answered 503 (retry). It also
   * truncates SQLite's log once it has been idle for {@code sqlite.checkpointAfterIdle()}.
   */
  public GroupCommitWriter(
      HikariDataSource writeDataSource,
      Dialect dialect,
      StorageProperties properties,
      SqliteProperties sqlite,
      MeterRegistry meters,
      Clock clock,
      Loops loops) {
    this.ownLoops = loops == null ? new Loops(Duration.ofSeconds(1)) : null;
    this.checkpoint =
        new IdleCheckpoint(
            clock, dialect == Dialect.SQLITE ? sqlite.checkpointAfterIdle() : Duration.ZERO);
    this.connection = new WriterConnection(writeDataSource, dialect);
    this.dialect = dialect;
    this.maxBatchSize = properties.maxBatchSize();
    this.writeTimeout = properties.writeTimeout();
    this.queue = new WriteQueue(properties.maxQueuedWrites(), properties.maxQueuedBytes());
    this.state = new CommitState(clock, writeTimeout, properties.stallThreshold());
    this.batchSizes =
        DistributionSummary.builder("maigw.commit.batch.size")
            .description("Writes committed together in one transaction")
            .publishPercentileHistogram()
            .maximumExpectedValue((double) maxBatchSize)
            .register(meters);
    this.dropped =
        Counter.builder("maigw.commit.dropped")
            .description("Writes dropped unrun because their caller had already given up")
            .register(meters);
    Gauge.builder("maigw.commit.queued.bytes", queue, WriteQueue::bytes)
        .description("Declared bytes of the writes queued or being committed")
        .baseUnit("bytes")
        .register(meters);
    this.batch = new ArrayList<>(maxBatchSize);
    this.thread = (loops == null ? ownLoops : loops).create("group-commit-writer", this::runLoop);
    this.thread.start();
  }

  /**
   * Runs {@code work} in the next commit and waits for it. Same as {@link #write(Work, long)} with
   * no declared bytes: for small writes, never refused by the byte bound.
   */
  public <T> T write(Work<T> work) {
    return write(work, 0);
  }

  /**
   * Runs {@code work} in the next commit and waits for it.
   *
   * @param bytes roughly what the work holds in memory while queued (e.g. a body's length), counted
   *     against {@code max-queued-bytes}
   * @throws StoreUnavailableException when the store cannot commit (queue full in count or bytes,
   *     database locked or down, timeout, shutting down)
   * @throws GatewayException as thrown by the work itself (its writes are not applied)
   */
  public <T> T write(Work<T> work, long bytes) {
    try {
      return submit(work, bytes).join();
    } catch (CompletionException e) {
      throw unwrap(e);
    }
  }

  /** The database this writer commits to, for the few queries written per dialect. */
  public Dialect dialect() {
    return dialect;
  }

  /** {@link #submit(Work, long)} with no declared bytes. */
  public <T> CompletableFuture<T> submit(Work<T> work) {
    return submit(work, 0);
  }

  /**
   * Like {@link #write(Work, long)}, without blocking the caller: the future completes after the
   * commit, or exceptionally with what {@link #write} would throw ({@link #unwrap} gets it back).
   * Cancelling the future before the writer takes the work keeps it from running.
   */
  public <T> CompletableFuture<T> submit(Work<T> work, long bytes) {
    if (!accepting) {
      return CompletableFuture.failedFuture(
          new StoreUnavailableException("The gateway is shutting down."));
    }
    if (state.waitingToBegin()) {
      return CompletableFuture.failedFuture(refuseWhileStalled());
    }
    Pending<T> pending = new Pending<>(work, bytes);
    String refusal = queue.offer(pending);
    if (refusal != null) {
      return CompletableFuture.failedFuture(new StoreUnavailableException(refusal));
    }
    return pending.result.orTimeout(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * While the store cannot commit, a new write would only wait for its timeout: it is refused at
   * once, and so are the writes still queued behind the stalled batch (none of them was answered
   * yet, so their callers retry; a queued work refused here is dropped unrun). The batch the writer
   * holds keeps its chance to commit.
   */
  private StoreUnavailableException refuseWhileStalled() {
    StoreUnavailableException refused =
        new StoreUnavailableException("The store is not committing right now.");
    queue.failWaiting(refused);
    return refused;
  }

  /** The exception a failed {@link #submit} future stands for, as {@link #write} throws it. */
  public static RuntimeException unwrap(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException || failure instanceof ExecutionException
            ? failure.getCause()
            : failure;
    if (cause instanceof TimeoutException) {
      return new StoreUnavailableException("The store did not commit in time.", cause);
    }
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    return new StoreUnavailableException("The store failed.", cause);
  }

  /** A snapshot for health checks; never touches the database. */
  public WriterStatus status() {
    return new WriterStatus(
        accepting,
        thread.alive(),
        thread.alive() && state.canCommit(),
        state.lastCommitAt(),
        state.lastFailureAt(),
        state.lastFailure(),
        queue.size(),
        queue.bytes());
  }

  /** Stops taking work, commits everything already queued, then returns. */
  @Override
  public void close() {
    accepting = false;
    thread.stop(Duration.ofSeconds(30));
    if (ownLoops != null) {
      ownLoops.close();
    }
  }

  private void runLoop() {
    recoverFromDeath();
    while (accepting || !queue.isEmpty()) {
      try {
        thread.checkpoint();
        Pending<?> first = queue.poll(50);
        if (first == null) {
          probeIfFailing();
          checkpointIfIdle();
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatchSize - 1);
        commit(batch);
        batch.clear();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // Never let the writer die of an exception: fail what it held and keep serving.
        batch.forEach(p -> fail(p, e));
        batch.clear();
        state.attemptEnded();
        log.error("Writer loop failed", e);
      }
      // An Error ends the thread with the batch still in hand, for the next thread to answer.
    }
    connection.close();
  }

  /**
   * On a thread taking over from one that died: its transaction is rolled back, and the works it
   * held are answered 503 (their callers retry; a work that did commit is deduplicated then).
   */
  private void recoverFromDeath() {
    if (!ranBefore) {
      ranBefore = true;
      return;
    }
    connection.rollBack();
    StoreUnavailableException interrupted =
        new StoreUnavailableException("The writer stopped while committing; try again.");
    batch.forEach(p -> fail(p, interrupted));
    batch.clear();
    state.attemptEnded();
  }

  /**
   * Commits {@code batch}: works whose caller has given up are dropped first; works that refuse are
   * answered and the rest is committed without them, in a new transaction.
   */
  private void commit(List<Pending<?>> batch) {
    List<Pending<?>> works = withoutAbandoned(batch);
    while (!works.isEmpty()) {
      Object[] results = new Object[works.size()];
      RuntimeException[] refusals = new RuntimeException[works.size()];
      boolean refused;
      List<Runnable> afterCommit = List.of();
      try {
        refused = runAll(works, results, refusals);
        if (refused) {
          connection.rollBack();
        } else {
          afterCommit = connection.commit();
        }
      } catch (SQLException | RuntimeException failure) {
        connection.rollBack();
        onBatchFailure(works, failure);
        return;
      }
      if (!refused) {
        committed(works, results, afterCommit);
        return;
      }
      works = answerRefusals(works, refusals);
    }
  }

  /** Begins a transaction and runs every work in it; true when at least one refused. */
  private boolean runAll(List<Pending<?>> works, Object[] results, RuntimeException[] refusals)
      throws SQLException {
    state.attemptStarted();
    WriteSession current = connection.begin();
    state.began();
    boolean refused = false;
    for (int i = 0; i < works.size(); i++) {
      try {
        results[i] = works.get(i).work.run(current);
      } catch (GatewayException refusal) {
        refusals[i] = refusal;
        refused = true;
      }
    }
    return refused;
  }

  private void committed(List<Pending<?>> works, Object[] results, List<Runnable> afterCommit) {
    state.committed();
    checkpoint.committed();
    batchSizes.record(works.size());
    runAfterCommit(afterCommit);
    for (int i = 0; i < works.size(); i++) {
      succeed(works.get(i), results[i]);
    }
  }

  /** Fails the works that refused; returns the others (still wanted) for the next attempt. */
  private List<Pending<?>> answerRefusals(List<Pending<?>> works, RuntimeException[] refusals) {
    state.attemptEnded();
    List<Pending<?>> rest = new ArrayList<>(works.size());
    for (int i = 0; i < works.size(); i++) {
      if (refusals[i] != null) {
        fail(works.get(i), refusals[i]);
      } else {
        rest.add(works.get(i));
      }
    }
    return withoutAbandoned(rest);
  }

  /** Drops, unrun, the works whose future is already done (caller timed out or cancelled). */
  private List<Pending<?>> withoutAbandoned(List<Pending<?>> works) {
    List<Pending<?>> wanted = new ArrayList<>(works.size());
    for (Pending<?> pending : works) {
      if (pending.result.isDone()) {
        queue.release(pending);
        dropped.increment();
      } else {
        wanted.add(pending);
      }
    }
    return wanted;
  }

  private static void runAfterCommit(List<Runnable> actions) {
    for (Runnable action : actions) {
      try {
        action.run();
      } catch (RuntimeException e) {
        log.error("After-commit action failed", e);
      }
    }
  }

  /**
   * An empty commit, when the last attempt found the store unavailable and nothing has been written
   * since: it lets the status recover on its own once the store is back.
   */
  private void probeIfFailing() {
    if (!state.shouldProbe(PROBE_INTERVAL)) {
      return;
    }
    try {
      state.attemptStarted();
      connection.begin();
      state.began();
      connection.commit();
      state.committed();
    } catch (SQLException | RuntimeException failure) {
      connection.rollBack();
      state.unavailable(failure);
    }
  }

  /**
   * Truncates SQLite's log after a quiet spell. Runs only when the queue was empty for a poll, and
   * never waits for readers, so a write arriving meanwhile waits at most for one checkpoint of what
   * the last burst wrote.
   */
  private void checkpointIfIdle() {
    if (!checkpoint.due() || !state.canCommit()) {
      return;
    }
    try {
      checkpoint.attempted(connection.checkpoint());
    } catch (SQLException | RuntimeException failure) {
      checkpoint.attempted(false);
      log.warn("Checkpoint of the SQLite log failed: {}", failure.toString());
    }
  }

  private void onBatchFailure(List<Pending<?>> batch, Exception failure) {
    if (dialect.isUnavailable(failure)) {
      state.unavailable(failure);
      log.warn("Store unavailable, {} writes refused: {}", batch.size(), failure.toString());
      StoreUnavailableException unavailable =
          new StoreUnavailableException("The store cannot write right now.", failure);
      batch.forEach(p -> fail(p, unavailable));
      return;
    }
    state.attemptEnded();
    if (batch.size() > 1) {
      // One bad work must not fail its neighbours: commit each on its own.
      for (Pending<?> pending : batch) {
        commit(new ArrayList<>(List.of(pending)));
      }
    } else {
      log.error("Write failed", failure);
      fail(
          batch.get(0),
          failure instanceof RuntimeException runtime
              ? runtime
              : new StoreUnavailableException("The store failed to write.", failure));
    }
  }

  @SuppressWarnings("unchecked")
  private <T> void succeed(Pending<T> pending, Object value) {
    queue.release(pending);
    pending.result.complete((T) value);
  }

  private void fail(Pending<?> pending, Throwable failure) {
    // Bytes first, so that a caller who sees the outcome also sees them given back.
    queue.release(pending);
    pending.result.completeExceptionally(failure);
  }
}
