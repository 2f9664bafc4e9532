package dev.maigw.gateway.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.Postgres;
import dev.maigw.gateway.support.RunningGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The store contract on a real PostgreSQL, plus what only a shared server can show: two gateway
 * instances writing at once.
 */
class PostgresMessageStoreTest extends MessageStoreContract {

  private Map<String, String> database;

  @Override
  RunningGateway startGateway() {
    database = Postgres.freshDatabase();
    return RunningGateway.start(database);
  }

  @Test
  void twoInstancesStoreEachIdOnceAndATailingReaderMissesNothing() throws Exception {
    try (RunningGateway second = RunningGateway.start(database)) {
      MessageStore other = second.bean(MessageStore.class);
      AtomicBoolean writing = new AtomicBoolean(true);
      ExecutorService pool = Executors.newFixedThreadPool(16);
      // A reader that follows the conversation by cursor while both instances write: with
      // cursors in commit order it can never step over a row that commits late.
      Future<List<String>> tailed = Executors.newSingleThreadExecutor().submit(() -> tail(writing));
      List<Future<InsertOutcome>> outcomes = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        // Every id is sent to both instances, as two MaiAgent retries might be.
        byte[] body = Fixtures.reply("c-multi-" + (i / 2), "conv-multi");
        MessageStore target = i % 2 == 0 ? store : other;
        outcomes.add(pool.submit(() -> target.insert(newMessage(body))));
      }
      int stored = 0;
      for (Future<InsertOutcome> outcome : outcomes) {
        stored += outcome.get() == InsertOutcome.STORED ? 1 : 0;
      }
      pool.shutdown();
      writing.set(false);

      List<StoredMessage> all = store.conversationMessages("conv-multi", 0, 500);
      assertThat(stored).isEqualTo(200);
      assertThat(all).hasSize(200);
      assertThat(all).extracting(StoredMessage::messageId).doesNotHaveDuplicates();
      assertThat(tailed.get())
          .containsExactlyElementsOf(all.stream().map(StoredMessage::messageId).toList());
    }
  }

  private List<String> tail(AtomicBoolean writing) {
    List<String> seen = new ArrayList<>();
    long cursor = 0;
    boolean lastPass = false;
    while (true) {
      boolean finalRound = !writing.get();
      List<StoredMessage> page = store.conversationMessages("conv-multi", cursor, 50);
      for (StoredMessage m : page) {
        seen.add(m.messageId());
        cursor = m.seq();
      }
      if (page.isEmpty() && lastPass) {
        return seen;
      }
      lastPass = finalRound;
    }
  }
}
