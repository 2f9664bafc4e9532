package dev.maigw.gateway.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/conversations/{id}/messages?wait=}: a long poll woken by the message tail, which
 * holds no request thread while it waits.
 */
class ConversationLongPollTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void manyWaitingPollsHoldNoThreadsAndEachGetsItsConversationsReply() throws Exception {
    // Far fewer request threads than waiting polls: a poll that held one would starve the rest.
    try (RunningGateway gateway = RunningGateway.start(Map.of("server.jetty.threads.max", "24"))) {
      int polls = 60;
      List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
      for (int i = 0; i < polls; i++) {
        waiting.add(poll(gateway, "conv-poll-" + i, "wait=60"));
      }
      // Every poll is waiting on the server (the tail's hub for streams is one more subscriber).
      await().atMost(Duration.ofSeconds(30)).until(() -> subscribers(gateway) >= polls + 1);
      HttpResponse<String> quick = gateway.getApi("/api/conversations/conv-none/messages");
      assertThat(quick.statusCode()).isEqualTo(200);

      for (int i = 0; i < polls; i++) {
        assertThat(gateway.postWebhook(Fixtures.reply("poll-" + i, "conv-poll-" + i)).statusCode())
            .isEqualTo(200);
      }

      for (int i = 0; i < polls; i++) {
        HttpResponse<String> answer = waiting.get(i).get();
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"id\":\"poll-" + i + "\"").doesNotContain("poll-x");
      }
    }
  }

  @Test
  void aPollThatTimesOutAnswersAnEmptyPageWithTheSameCursor() throws Exception {
    try (RunningGateway gateway = RunningGateway.start()) {
      gateway.postWebhook(Fixtures.reply("other-1", "conv-other"));

      HttpResponse<String> answer = poll(gateway, "conv-quiet", "after=7&wait=1").get();

      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo("{\"items\":[],\"nextCursor\":\"7\"}");
    }
  }

  @Test
  void aPollAnswersAtOnceWithRepliesAlreadyStoredAfterItsCursor() throws Exception {
    try (RunningGateway gateway = RunningGateway.start()) {
      gateway.postWebhook(Fixtures.reply("stored-1", "conv-stored"));
      gateway.postWebhook(Fixtures.reply("stored-2", "conv-stored"));

      HttpResponse<String> answer = poll(gateway, "conv-stored", "wait=60").get();

      assertThat(answer.body()).contains("stored-1").contains("stored-2");
    }
  }

  private static double subscribers(RunningGateway gateway) {
    return gateway.bean(MeterRegistry.class).get("maigw.stream.tail.subscribers").gauge().value();
  }

  private static CompletableFuture<HttpResponse<String>> poll(
      RunningGateway gateway, String conversation, String query) {
    return HTTP.sendAsync(
        HttpRequest.newBuilder(
                URI.create(
                    gateway.url("/api/conversations/" + conversation + "/messages?" + query)))
            .header("Authorization", "Bearer " + RunningGateway.API_KEY)
            .timeout(Duration.ofSeconds(90))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
