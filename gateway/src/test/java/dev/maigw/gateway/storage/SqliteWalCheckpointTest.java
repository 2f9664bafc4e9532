package dev.maigw.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import dev.maigw.gateway.support.SettableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class SqliteWalCheckpointTest {

  @Test
  void truncatesTheLogOnceTheWriterHasBeenIdleAfterABurst() throws Exception {
    try (RunningGateway gateway =
        RunningGateway.startWith(
            Map.of("maigw.sqlite.checkpoint-after-idle", "10m"), SettableClock.Override.class)) {
      SettableClock clock = gateway.bean(SettableClock.class);
      Path wal = Path.of(gateway.sqliteFile() + "-wal");
      burst(gateway, 400);
      // The clock has not moved, so the writer has not been idle for 10 minutes yet.
      long afterBurst = size(wal);
      assertThat(afterBurst).isGreaterThan(0);
      // The gauge reads the same file (read again: a background write may still append to it).
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(walGauge(gateway)).isEqualTo((double) size(wal)));

      clock.advance(Duration.ofMinutes(11));

      await().atMost(Duration.ofSeconds(30)).until(() -> size(wal) == 0);
      assertThat(walGauge(gateway)).isZero();
      // Writes go on as before on the truncated log.
      assertThat(gateway.postWebhook(Fixtures.reply("after", "c-1")).statusCode()).isEqualTo(200);
      assertThat(size(wal)).isGreaterThan(0);
    }
  }

  @Test
  void limitsTheLogFileOnEveryConnection() {
    try (RunningGateway gateway =
        RunningGateway.start(Map.of("maigw.sqlite.journal-size-limit-bytes", "1048576"))) {
      JdbcClient reader = gateway.bean(JdbcClient.class);
      assertThat(reader.sql("PRAGMA journal_size_limit").query(Long.class).single())
          .isEqualTo(1_048_576L);
      long writers =
          gateway
              .bean(GroupCommitWriter.class)
              .write(
                  session ->
                      session.jdbc().sql("PRAGMA journal_size_limit").query(Long.class).single());
      assertThat(writers).isEqualTo(1_048_576L);
    }
  }

  private static void burst(RunningGateway gateway, int count) throws Exception {
    ExecutorService posters = Executors.newFixedThreadPool(8);
    try {
      var answers =
          IntStream.range(0, count)
              .mapToObj(
                  i ->
                      posters.submit(
                          () ->
                              gateway
                                  .postWebhook(Fixtures.reply("m-" + i, "c-" + i % 10))
                                  .statusCode()))
              .toList();
      for (Future<Integer> answer : answers) {
        assertThat(answer.get()).isEqualTo(200);
      }
    } finally {
      posters.shutdown();
    }
  }

  private static long size(Path file) throws IOException {
    return Files.exists(file) ? Files.size(file) : 0;
  }

  private static double walGauge(RunningGateway gateway) {
    return gateway
        .bean(io.micrometer.core.instrument.MeterRegistry.class)
        .get("maigw.sqlite.wal.bytes")
        .gauge()
        .value();
  }
}
