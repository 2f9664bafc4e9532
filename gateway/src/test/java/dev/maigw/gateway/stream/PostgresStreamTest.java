package dev.maigw.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.Postgres;
import dev.maigw.gateway.support.RunningGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Two gateway instances sharing one PostgreSQL: a client of one instance's stream sees what both
 * store, exactly once and in commit order, across reconnects.
 */
class PostgresStreamTest {

  @Test
  void aStreamOfOneInstanceCarriesWhatBothStoreExactlyOnce() throws Exception {
    Map<String, String> database = Postgres.freshDatabase();
    try (RunningGateway first = RunningGateway.start(database);
        RunningGateway second = RunningGateway.start(database)) {
      int total = 200;
      ExecutorService posters = Executors.newFixedThreadPool(4);
      List<Future<?>> posted = new ArrayList<>();
      for (int i = 0; i < total; i++) {
        byte[] body = Fixtures.reply("pg-sse-" + i, "conv-pg-sse-" + (i % 5));
        RunningGateway via = i % 2 == 0 ? first : second;
        posted.add(posters.submit(() -> via.postWebhook(body)));
      }

      long seed = System.nanoTime();
      Random random = new Random(seed);
      List<SseClient.Event> received = new ArrayList<>();
      String lastEventId = null;
      int reconnects = 0;
      while (received.size() < total && reconnects < 200) {
        int wanted = Math.min(1 + random.nextInt(30), total - received.size());
        List<SseClient.Event> events = SseClient.read(first, null, lastEventId, wanted);
        received.addAll(events);
        if (!events.isEmpty()) {
          lastEventId = events.get(events.size() - 1).id();
        }
        reconnects++;
      }
      for (Future<?> future : posted) {
        future.get();
      }
      posters.shutdown();

      assertThat(received)
          .extracting(SseClient.Event::messageId)
          .as("seed %d", seed)
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(
              IntStream.range(0, total).mapToObj(i -> "pg-sse-" + i).toList());
      // Event ids are commit cursors: strictly increasing along the stream.
      assertThat(received)
          .extracting(event -> Long.parseLong(event.id()))
          .isSortedAccordingTo(Long::compare)
          .doesNotHaveDuplicates();
    }
  }
}
