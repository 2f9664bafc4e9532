package dev.maigw.gateway.storage;

import com.zaxxer.hikari.HikariDataSource;
import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.StoreUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
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

  private final HikariDataSource dataSource;

  /** The connection the writer keeps between batches; null until first use or after a fault. */
  private WriteSession session;

  private final Dialect dialect;
  private final int maxBatchSize;
  private final Duration writeTimeout;
  private final long maxQueuedBytes;
  private final BlockingQueue<Pending<?>> queue;
  private final AtomicLong queuedBytes = new AtomicLong();
  private final CommitState state;
  private final DistributionSummary batchSizes;
  private final Counter dropped;
  private final Thread thread;
  private volatile boolean accepting = true;

  public GroupCommitWriter(
      HikariDataSource writeDataSource,
      Dialect dialect,
      StorageProperties properties,
      MeterRegistry meters,
      Clock clock) {
    this.dataSource = writeDataSource;
    this.dialect = dialect;
    this.maxBatchSize = properties.maxBatchSize();
    this.writeTimeout = properties.writeTimeout();
    this.maxQueuedBytes = properties.maxQueuedBytes();
    this.queue = new ArrayBlockingQueue<>(properties.maxQueuedWrites());
    this.state = new CommitState(clock, writeTimeout);
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
    Gauge.builder("maigw.commit.queued.bytes", queuedBytes, AtomicLong::get)
        .description("Declared bytes of the writes queued or being committed")
        .baseUnit("bytes")
        .register(meters);
    this.thread = new Thread(this::runLoop, "group-commit-writer");
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
    if (!reserve(bytes)) {
      return CompletableFuture.failedFuture(
          new StoreUnavailableException("Too many bytes are waiting for the store."));
    }
    Pending<T> pending = new Pending<>(work, new CompletableFuture<>(), bytes);
    if (!queue.offer(pending)) {
      release(pending);
      return CompletableFuture.failedFuture(
          new StoreUnavailableException("Too many writes are waiting for the store."));
    }
    return pending.result.orTimeout(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
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
        thread.isAlive(),
        thread.isAlive() && state.canCommit(),
        state.lastCommitAt(),
        state.lastFailureAt(),
        state.lastFailure(),
        queue.size(),
        queuedBytes.get());
  }

  /** Stops taking work, commits everything already queued, then returns. */
  @Override
  public void close() {
    accepting = false;
    try {
      thread.join(Duration.ofSeconds(30).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Takes {@code bytes} from the budget. When nothing else is queued any one work is admitted, so a
   * work larger than the whole budget is slow rather than refused for ever.
   */
  private boolean reserve(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("bytes must not be negative: " + bytes);
    }
    if (bytes == 0) {
      return true;
    }
    while (true) {
      long current = queuedBytes.get();
      if (current > 0 && current + bytes > maxQueuedBytes) {
        return false;
      }
      if (queuedBytes.compareAndSet(current, current + bytes)) {
        return true;
      }
    }
  }

  private void runLoop() {
    List<Pending<?>> batch = new ArrayList<>(maxBatchSize);
    while (accepting || !queue.isEmpty()) {
      try {
        Pending<?> first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
          probeIfFailing();
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatchSize - 1);
        commit(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // Never let the writer die: fail what it held and keep serving.
        batch.forEach(p -> fail(p, e));
        state.attemptEnded();
        log.error("Writer loop failed", e);
      } finally {
        batch.clear();
      }
    }
    closeSession(false);
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
      try {
        refused = runAll(works, results, refusals);
        if (refused) {
          rollBack();
        } else {
          dialect.commit(session.connection());
        }
      } catch (SQLException | RuntimeException failure) {
        rollBack();
        onBatchFailure(works, failure);
        return;
      }
      if (!refused) {
        committed(works, results);
        return;
      }
      works = answerRefusals(works, refusals);
    }
  }

  /** Begins a transaction and runs every work in it; true when at least one refused. */
  private boolean runAll(List<Pending<?>> works, Object[] results, RuntimeException[] refusals)
      throws SQLException {
    state.attemptStarted();
    WriteSession current = openSession();
    dialect.begin(current.connection());
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

  private void committed(List<Pending<?>> works, Object[] results) {
    state.committed();
    batchSizes.record(works.size());
    runAfterCommit(session.takeAfterCommit());
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
        release(pending);
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
      dialect.begin(openSession().connection());
      dialect.commit(session.connection());
      state.committed();
    } catch (SQLException | RuntimeException failure) {
      rollBack();
      state.unavailable(failure);
    }
  }

  private WriteSession openSession() throws SQLException {
    if (session == null) {
      session = new WriteSession(dataSource.getConnection());
    }
    return session;
  }

  /**
   * Ends the open transaction without committing, forgetting its after-commit actions. Keeps the
   * connection if it rolled back cleanly, otherwise evicts it so the next batch starts on a fresh
   * one.
   */
  private void rollBack() {
    if (session == null) {
      return;
    }
    session.takeAfterCommit();
    if (!dialect.rollbackQuietly(session.connection())) {
      closeSession(true);
    }
  }

  private void closeSession(boolean evict) {
    if (session == null) {
      return;
    }
    session.close();
    Connection connection = session.connection();
    session = null;
    if (evict) {
      dataSource.evictConnection(connection);
    }
    try {
      connection.close();
    } catch (SQLException e) {
      log.debug("Closing the writer connection failed", e);
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
    release(pending);
    pending.result.complete((T) value);
  }

  private void fail(Pending<?> pending, Throwable failure) {
    release(pending);
    pending.result.completeExceptionally(failure);
  }

  /** Gives the work's bytes back, once; before its future completes, so callers see them back. */
  private void release(Pending<?> pending) {
    if (!pending.released) {
      pending.released = true;
      queuedBytes.addAndGet(-pending.bytes);
    }
  }

  private static final class Pending<T> {
    final Work<T> work;
    final CompletableFuture<T> result;
    final long bytes;

    /** Touched only by the thread that owns the work at the time (submitter, then writer). */
    boolean released;

    Pending(Work<T> work, CompletableFuture<T> result, long bytes) {
      this.work = work;
      this.result = result;
      this.bytes = bytes;
    }
  }
}
