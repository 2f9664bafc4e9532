package dev.maigw.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.maigw.gateway.message.MessageStore;
import dev.maigw.gateway.storage.GroupCommitWriter;
import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** When the store cannot commit, the webhook gets 503 with Retry-After, never 200. */
class StoreUnavailableTest {

  @Test
  void answersServiceUnavailableWhileAnotherProcessHoldsTheWriteLock() throws Exception {
    try (RunningGateway gateway =
        RunningGateway.start(Map.of("maigw.storage.busy-timeout", "300ms"))) {
      try (Connection intruder =
              DriverManager.getConnection("jdbc:sqlite:" + gateway.sqliteFile());
          Statement statement = intruder.createStatement()) {
        statement.execute("BEGIN IMMEDIATE");

        HttpResponse<String> locked = gateway.postWebhook(Fixtures.reply("locked-1", "c"));

        assertThat(locked.statusCode()).isEqualTo(503);
        assertThat(locked.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(locked.body()).contains("\"code\":\"store_unavailable\"");
        statement.execute("ROLLBACK");
      }

      HttpResponse<String> recovered = gateway.postWebhook(Fixtures.reply("locked-1", "c"));

      assertThat(recovered.statusCode()).isEqualTo(200);
      assertThat(recovered.headers().firstValue(WebhookServlet.OUTCOME_HEADER)).hasValue("stored");
    }
  }

  @Test
  void answersServiceUnavailableAtOnceWhenQueuedBodiesReachTheByteBound() throws Exception {
    int size = bigReply(0).length;
    try (RunningGateway gateway =
            RunningGateway.start(
                Map.of(
                    // The stalled commit waits for the lock much longer than this test runs.
                    "maigw.storage.busy-timeout", "60s",
                    "maigw.storage.write-timeout", "120s",
                    "maigw.storage.max-queued-bytes", String.valueOf(3L * size + size / 2)));
        Connection intruder = DriverManager.getConnection("jdbc:sqlite:" + gateway.sqliteFile());
        Statement statement = intruder.createStatement()) {
      ExecutorService senders = Executors.newFixedThreadPool(3);
      GroupCommitWriter writer = gateway.bean(GroupCommitWriter.class);
      statement.execute("BEGIN IMMEDIATE");
      List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        byte[] body = bigReply(i);
        waiting.add(CompletableFuture.supplyAsync(() -> gateway.postWebhook(body), senders));
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> writer.status().queuedBytes() == 3L * size);

      // Answered while the lock is still held: refused at once, not after waiting for the store.
      HttpResponse<String> refused = gateway.postWebhook(bigReply(4));

      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(refused.body()).contains("\"code\":\"store_unavailable\"");
      assertThat(waiting).noneMatch(CompletableFuture::isDone);
      statement.execute("ROLLBACK");

      MessageStore messages = gateway.bean(MessageStore.class);
      for (int i = 0; i < 3; i++) {
        HttpResponse<String> answer = waiting.get(i).get();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(messages.find("big-" + (i + 1))).isPresent();
      }
      assertThat(messages.find("big-4")).isEmpty();
      assertThat(gateway.postWebhook(bigReply(4)).statusCode()).isEqualTo(200);
      senders.shutdown();
    }
  }

  /** A reply of about 100 KB, the same size whatever {@code n} (0 to 9). */
  private static byte[] bigReply(int n) {
    return Fixtures.reply("big-" + n, "conv-big", "x".repeat(100_000));
  }
}
