package dev.maigw.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.maigw.gateway.storage.GroupCommitWriter.Work;
import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;
import dev.maigw.gateway.system.StoreUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The writer on a real SQLite file, through the same pool the gateway builds. A "gate" work holds
 * the writer thread on a latch, so the works submitted meanwhile are committed together in the next
 * batch: timing is controlled by latches, never by sleeping.
 */
class GroupCommitWriterTest {

  @TempDir Path dir;

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final CountDownLatch gateHeld = new CountDownLatch(1);
  private final CountDownLatch gateOpen = new CountDownLatch(1);
  private HikariDataSource pool;
  private GroupCommitWriter writer;

  @AfterEach
  void stop() {
    gateOpen.countDown();
    if (writer != null) {
      writer.close();
    }
    if (pool != null) {
      pool.close();
    }
  }

  @Test
  void aWorkThrowingSqlExceptionFailsAloneAndItsNeighboursCommit() {
    start(Duration.ofSeconds(30), 1 << 20);
    writer.write(insert("taken"));
    holdWriter();
    CompletableFuture<Integer> before = writer.submit(insert("a"));
    CompletableFuture<Integer> failing =
        writer.submit(
            session -> {
              insert("b-partial").run(session);
              // A primary-key violation, straight from the driver.
              return session.prepared("INSERT INTO items (name) VALUES ('taken')").executeUpdate();
            });
    CompletableFuture<Integer> after = writer.submit(insert("c"));

    gateOpen.countDown();

    assertThat(before.join()).isEqualTo(1);
    assertThat(after.join()).isEqualTo(1);
    assertThatThrownBy(failing::join)
        .satisfies(
            e ->
                assertThat(GroupCommitWriter.unwrap(e))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessage("The store failed to write.")
                    .hasCauseInstanceOf(SQLException.class));
    assertThat(names()).containsExactly("a", "c", "taken");
  }

  @Test
  void aRefusingWorkHasItsWritesUndoneWhileItsNeighboursCommit() {
    start(Duration.ofSeconds(30), 1 << 20);
    GatewayException refusal = new GatewayException(Problem.INVALID_REQUEST, "Refused.");
    holdWriter();
    CompletableFuture<Integer> before = writer.submit(insert("a"));
    CompletableFuture<Integer> refused =
        writer.submit(
            session -> {
              insert("b-written-then-refused").run(session);
              throw refusal;
            });
    CompletableFuture<Integer> after = writer.submit(insert("c"));

    gateOpen.countDown();

    assertThat(before.join()).isEqualTo(1);
    assertThat(after.join()).isEqualTo(1);
    assertThatThrownBy(refused::join)
        .satisfies(e -> assertThat(GroupCommitWriter.unwrap(e)).isSameAs(refusal));
    assertThat(names()).containsExactly("a", "c");
  }

  @Test
  void runsAfterCommitActionsOnceAndOnlyForCommittedWorks() {
    start(Duration.ofSeconds(30), 1 << 20);
    AtomicInteger committed = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    holdWriter();
    CompletableFuture<Integer> good =
        writer.submit(
            session -> {
              session.afterCommit(committed::incrementAndGet);
              return insert("good").run(session);
            });
    CompletableFuture<Integer> refusing =
        writer.submit(
            session -> {
              session.afterCommit(refused::incrementAndGet);
              throw new GatewayException(Problem.INVALID_REQUEST, "Refused.");
            });
    CompletableFuture<Integer> failing =
        writer.submit(
            session -> {
              session.afterCommit(failed::incrementAndGet);
              throw new SQLException("Broken work.");
            });

    gateOpen.countDown();

    assertThat(good.join()).isEqualTo(1);
    assertThatThrownBy(refusing::join).hasRootCauseMessage("Refused.");
    assertThatThrownBy(failing::join).hasRootCauseMessage("Broken work.");
    // The good work ran more than once (its batch failed first); its action ran once.
    assertThat(committed).hasValue(1);
    assertThat(refused).hasValue(0);
    assertThat(failed).hasValue(0);
  }

  @Test
  void aCallerThatTimedOutGetsStoreUnavailableAndItsWorkIsNeverRun() {
    start(Duration.ofSeconds(1), 1 << 20);
    holdWriter();
    CompletableFuture<Integer> cancelled = writer.submit(insert("cancelled"));
    cancelled.cancel(false);

    assertThatThrownBy(() -> writer.write(insert("late"), 100))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessage("The store did not commit in time.");
    gateOpen.countDown();

    assertThat(writer.write(insert("after"))).isEqualTo(1);
    assertThat(names()).containsExactly("after");
    assertThat(meters.get("maigw.commit.dropped").counter().count()).isEqualTo(2);
    assertThat(writer.status().queuedBytes()).isZero();
  }

  @Test
  void commitsWhatWasQueuedBeforeCloseAndRefusesWhatComesAfter() throws Exception {
    start(Duration.ofSeconds(30), 1 << 20);
    holdWriter();
    List<CompletableFuture<Integer>> queued =
        List.of(
            writer.submit(insert("q1")), writer.submit(insert("q2")), writer.submit(insert("q3")));
    Thread closer = new Thread(writer::close);
    closer.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> !writer.status().accepting());

    CompletableFuture<Integer> late = writer.submit(insert("late"));

    assertThat(late).isCompletedExceptionally();
    assertThatThrownBy(late::join)
        .satisfies(
            e ->
                assertThat(GroupCommitWriter.unwrap(e))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessage("The gateway is shutting down."));
    gateOpen.countDown();
    closer.join();
    assertThat(queued).allSatisfy(f -> assertThat(f.join()).isEqualTo(1));
    assertThat(names()).containsExactly("q1", "q2", "q3");
    assertThat(writer.status().running()).isFalse();
  }

  @Test
  void refusesAtOnceBeyondTheByteBoundAndTakesTheBytesBackWhenDone() {
    start(Duration.ofSeconds(30), 1000);
    holdWriter();
    CompletableFuture<Integer> first = writer.submit(insert("first"), 600);
    CompletableFuture<Integer> refused = writer.submit(insert("refused"), 600);
    CompletableFuture<Integer> fits =
        writer.submit(
            session -> {
              insert("fits").run(session);
              throw new GatewayException(Problem.INVALID_REQUEST, "Refused.");
            },
            400);
    CompletableFuture<Integer> small = writer.submit(insert("small"));

    assertThat(refused).isCompletedExceptionally();
    assertThatThrownBy(refused::join)
        .satisfies(
            e ->
                assertThat(GroupCommitWriter.unwrap(e))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessage("Too many bytes are waiting for the store."));
    assertThat(writer.status().queuedBytes()).isEqualTo(1000);
    assertThat(List.of(first, fits, small)).noneMatch(CompletableFuture::isDone);
    gateOpen.countDown();

    assertThat(first.join()).isEqualTo(1);
    assertThat(small.join()).isEqualTo(1);
    assertThat(fits).isCompletedExceptionally();
    assertThat(writer.status().queuedBytes()).isZero();
    // Alone in the queue, a work larger than the whole bound is still taken.
    assertThat(writer.write(insert("larger-than-the-bound"), 5000)).isEqualTo(1);
    assertThat(names()).containsExactly("first", "larger-than-the-bound", "small");
  }

  @Test
  void reportsThatItCannotCommitWhileTheFileIsLockedAndRecoversOnItsOwn() throws Exception {
    start(Duration.ofSeconds(30), 1 << 20);
    writer.write(insert("a"));
    assertThat(writer.status().canCommit()).isTrue();
    assertThat(writer.status().lastCommitAt()).isNotNull();
    AtomicInteger afterCommit = new AtomicInteger();
    try (Connection intruder = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"));
        Statement statement = intruder.createStatement()) {
      statement.execute("BEGIN IMMEDIATE");

      assertThatThrownBy(
              () ->
                  writer.write(
                      session -> {
                        session.afterCommit(afterCommit::incrementAndGet);
                        return insert("b").run(session);
                      }))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessage("The store cannot write right now.");
      WriterStatus locked = writer.status();
      assertThat(locked.canCommit()).isFalse();
      assertThat(locked.running()).isTrue();
      assertThat(locked.lastFailure()).startsWith("SQLITE_BUSY");
      assertThat(locked.lastFailureAt()).isNotNull();
      statement.execute("ROLLBACK");
    }

    await().atMost(Duration.ofSeconds(15)).until(() -> writer.status().canCommit());
    assertThat(afterCommit).hasValue(0);
    assertThat(names()).containsExactly("a");
  }

  @Test
  void reportsThatItCannotCommitWhileABatchTakesLongerThanTheWriteTimeout() {
    start(Duration.ofMillis(500), 1 << 20);
    holdWriter();

    await().atMost(Duration.ofSeconds(15)).until(() -> !writer.status().canCommit());
    gateOpen.countDown();

    await().atMost(Duration.ofSeconds(15)).until(() -> writer.status().canCommit());
    assertThat(writer.status().running()).isTrue();
  }

  private void start(Duration writeTimeout, long maxQueuedBytes) {
    StorageProperties properties =
        new StorageProperties(
            null,
            null,
            null,
            Duration.ofMillis(300),
            256,
            10_000,
            maxQueuedBytes,
            writeTimeout,
            8,
            // These tests hold the writer in a work on purpose; only the write timeout applies.
            writeTimeout);
    pool = StorageConfiguration.sqlitePool(dir.resolve("t.db"), properties, true, 1);
    JdbcClient.create(pool).sql("CREATE TABLE items (name TEXT PRIMARY KEY)").update();
    writer = new GroupCommitWriter(pool, Dialect.SQLITE, properties, meters, Clock.systemUTC());
  }

  /** Submits a work that keeps the writer thread busy until {@link #gateOpen} opens. */
  private void holdWriter() {
    writer.submit(
        session -> {
          gateHeld.countDown();
          awaitUninterruptibly(gateOpen);
          return null;
        });
    awaitUninterruptibly(gateHeld);
  }

  private static Work<Integer> insert(String name) {
    return session ->
        session.jdbc().sql("INSERT INTO items (name) VALUES (?)").param(name).update();
  }

  /** What is committed, read on a connection of its own (the writer holds the pool's one). */
  private List<String> names() {
    try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"))) {
      return JdbcClient.create(
              new org.springframework.jdbc.datasource.SingleConnectionDataSource(reader, true))
          .sql("SELECT name FROM items ORDER BY name")
          .query(String.class)
          .list();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
