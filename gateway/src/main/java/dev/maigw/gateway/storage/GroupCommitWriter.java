package dev.maigw.gateway.storage;

import com.zaxxer.hikari.HikariDataSource;
import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.StoreUnavailableException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer. Callers hand it a {@link Work} and block until that work is committed; works
 * that queue up while a commit is in progress are committed together in the next transaction, so a
 * burst of webhooks costs one fsync instead of one each (group commit).
 *
 * <p>Guarantee: {@link #write} returns only after the transaction holding the work has committed
 * with the dialect's durable settings. If it throws, the work may or may not have been committed (a
 * timeout races the commit); callers answer "retry", and deduplication makes the retry safe.
 */
public final class GroupCommitWriter implements AutoCloseable {

  /**
   * One unit of writing, run inside the writer's transaction. Must not block on I/O. A work that
   * refuses (throws a {@link GatewayException}) must do so before it writes anything.
   */
  @FunctionalInterface
  public interface Work<T> {
    T run(WriteSession session) throws SQLException;
  }

  private static final Logger log = LoggerFactory.getLogger(GroupCommitWriter.class);

  private final HikariDataSource dataSource;

  /** The connection the writer keeps between batches; null until first use or after a fault. */
  private WriteSession session;

  private final Dialect dialect;
  private final int maxBatchSize;
  private final Duration writeTimeout;
  private final BlockingQueue<Pending<?>> queue;
  private final DistributionSummary batchSizes;
  private final Thread thread;
  private volatile boolean accepting = true;

  public GroupCommitWriter(
      HikariDataSource writeDataSource,
      Dialect dialect,
      StorageProperties properties,
      MeterRegistry meters) {
    this.dataSource = writeDataSource;
    this.dialect = dialect;
    this.maxBatchSize = properties.maxBatchSize();
    this.writeTimeout = properties.writeTimeout();
    this.queue = new ArrayBlockingQueue<>(properties.maxQueuedWrites());
    this.batchSizes =
        DistributionSummary.builder("maigw.commit.batch.size")
            .description("Writes committed together in one transaction")
            .publishPercentileHistogram()
            .maximumExpectedValue((double) maxBatchSize)
            .register(meters);
    this.thread = new Thread(this::runLoop, "group-commit-writer");
    this.thread.start();
  }

  /**
   * Runs {@code work} in the next commit and waits for it.
   *
   * @throws StoreUnavailableException when the store cannot commit (queue full, database locked or
   *     down, timeout, shutting down)
   * @throws GatewayException as thrown by the work itself (its writes are not applied)
   */
  public <T> T write(Work<T> work) {
    try {
      return submit(work).join();
    } catch (CompletionException e) {
      throw unwrap(e);
    }
  }

  /**
   * Like {@link #write}, without blocking the caller: the future completes after the commit, or
   * exceptionally with what {@link #write} would throw ({@link #unwrap} gets it back).
   */
  public <T> CompletableFuture<T> submit(Work<T> work) {
    if (!accepting) {
      return CompletableFuture.failedFuture(
          new StoreUnavailableException("The gateway is shutting down."));
    }
    Pending<T> pending = new Pending<>(work, new CompletableFuture<>());
    if (!queue.offer(pending)) {
      return CompletableFuture.failedFuture(
          new StoreUnavailableException("Too many writes are waiting for the store."));
    }
    // A timed-out write may still commit later; the sender's retry is then a duplicate.
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

  private void runLoop() {
    List<Pending<?>> batch = new ArrayList<>(maxBatchSize);
    while (accepting || !queue.isEmpty()) {
      try {
        Pending<?> first = queue.poll(50, TimeUnit.MILLISECONDS);
        if (first == null) {
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
        batch.forEach(p -> p.result.completeExceptionally(e));
        log.error("Writer loop failed", e);
      } finally {
        batch.clear();
      }
    }
    closeSession(false);
  }

  private void commit(List<Pending<?>> batch) {
    Object[] results = new Object[batch.size()];
    RuntimeException[] refusals = new RuntimeException[batch.size()];
    try {
      WriteSession current = openSession();
      dialect.begin(current.connection());
      for (int i = 0; i < batch.size(); i++) {
        try {
          results[i] = batch.get(i).work.run(current);
        } catch (GatewayException refused) {
          refusals[i] = refused;
        }
      }
      dialect.commit(current.connection());
    } catch (SQLException | RuntimeException failure) {
      if (session != null) {
        session.takeAfterCommit();
      }
      discardSessionUnlessRolledBack();
      onBatchFailure(batch, failure);
      return;
    }
    batchSizes.record(batch.size());
    runAfterCommit(session.takeAfterCommit());
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).complete(results[i], refusals[i]);
    }
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

  private WriteSession openSession() throws SQLException {
    if (session == null) {
      session = new WriteSession(dataSource.getConnection());
    }
    return session;
  }

  /**
   * After a failed batch: keep the connection if its transaction rolled back cleanly, otherwise
   * evict it so the next batch starts on a fresh one.
   */
  private void discardSessionUnlessRolledBack() {
    if (session == null || dialect.rollbackQuietly(session.connection())) {
      return;
    }
    closeSession(true);
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
      log.warn("Store unavailable, {} writes refused: {}", batch.size(), failure.toString());
      StoreUnavailableException unavailable =
          new StoreUnavailableException("The store cannot write right now.", failure);
      batch.forEach(p -> p.result.completeExceptionally(unavailable));
    } else if (batch.size() > 1) {
      // One bad work must not fail its neighbours: commit each on its own.
      for (Pending<?> pending : batch) {
        commit(new ArrayList<>(List.of(pending)));
      }
    } else {
      log.error("Write failed", failure);
      batch
          .get(0)
          .result
          .completeExceptionally(
              failure instanceof RuntimeException runtime
                  ? runtime
                  : new StoreUnavailableException("The store failed to write.", failure));
    }
  }

  private record Pending<T>(Work<T> work, CompletableFuture<T> result) {
    @SuppressWarnings("unchecked")
    void complete(Object value, RuntimeException refusal) {
      if (refusal != null) {
        result.completeExceptionally(refusal);
      } else {
        result.complete((T) value);
      }
    }
  }
}
