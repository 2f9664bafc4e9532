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
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** When the store cannot commit, the webhook gets 503 with Retry-After, never 200. */
@ExtendWith(OutputCaptureExtension.class)
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
                    // Measures the byte bound, not the refusal of writes while the store stalls.
                    "maigw.storage.stall-threshold", "120s",
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

  @Test
  void answersAtOnceOnceTheStoreIsStalledLogsOneLinePerAnswerAndRecoversWithoutRestart(
      CapturedOutput output) throws Exception {
    try (RunningGateway gateway =
            RunningGateway.start(
                Map.of(
                    "maigw.storage.busy-timeout", "60s",
                    "maigw.storage.write-timeout", "30s"));
        Connection intruder = DriverManager.getConnection("jdbc:sqlite:" + gateway.sqliteFile());
        Statement statement = intruder.createStatement()) {
      GroupCommitWriter writer = gateway.bean(GroupCommitWriter.class);
      ExecutorService senders = Executors.newFixedThreadPool(10);
      statement.execute("BEGIN IMMEDIATE");
      CompletableFuture<HttpResponse<String>> first =
          CompletableFuture.supplyAsync(
              () -> gateway.postWebhook(Fixtures.reply("stall-0", "c")), senders);
      await().atMost(Duration.ofSeconds(30)).until(() -> !writer.status().canCommit());

      List<CompletableFuture<Long>> refusals = new ArrayList<>();
      for (int i = 1; i <= 20; i++) {
        byte[] body = Fixtures.reply("stall-" + i, "c");
        refusals.add(CompletableFuture.supplyAsync(() -> refusedMillis(gateway, body), senders));
      }
      for (CompletableFuture<Long> refusal : refusals) {
        // A behavioural bound: answered from what the writer knows, not after the 30 s timeout.
        assertThat(refusal.get()).isLessThan(10_000);
      }
      assertThat(first).isNotDone();
      statement.execute("ROLLBACK");

      assertThat(first.get().statusCode()).as("the batch held during the stall").isEqualTo(200);
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> gateway.postWebhook(Fixtures.reply("stall-1", "c")).statusCode() == 200);
      assertThat(gateway.bean(MessageStore.class).find("stall-0")).isPresent();
      assertThat(tracedUnavailableLines(output.getOut())).isLessThanOrEqualTo(1);
      senders.shutdown();
    }
  }

  /** Posts a webhook that must be refused; returns how long the answer took. */
  private static long refusedMillis(RunningGateway gateway, byte[] body) {
    long start = System.nanoTime();
    HttpResponse<String> response = gateway.postWebhook(body);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(response.body()).contains("\"code\":\"store_unavailable\"");
    return millis;
  }

  /** Log lines about a 503 that are followed by a stack trace rather than the next log line. */
  private static long tracedUnavailableLines(String log) {
    String[] lines = log.split("\\R");
    long traced = 0;
    long answered = 0;
    for (int i = 0; i + 1 < lines.length; i++) {
      if (lines[i].contains("store_unavailable: ")) {
        answered++;
        if (!lines[i + 1].isEmpty() && !Character.isDigit(lines[i + 1].charAt(0))) {
          traced++;
        }
      }
    }
    assertThat(answered).as("one line per 503").isGreaterThanOrEqualTo(20);
    return traced;
  }

  /** A reply of about 100 KB, the same size whatever {@code n} (0 to 9). */
  private static byte[] bigReply(int n) {
    return Fixtures.reply("big-" + n, "conv-big", "x".repeat(100_000));
  }
}
