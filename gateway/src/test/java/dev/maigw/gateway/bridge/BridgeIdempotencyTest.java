package dev.maigw.gateway.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.emulator.fault.Faults;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * A caller whose POST timed out (or was answered 503) retries with the same {@code Idempotency-Key}
 * and gets the same send, never a second message to MaiAgent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BridgeIdempotencyTest {

  private BridgeLoop loop;

  @BeforeAll
  void start() {
    loop = BridgeLoop.start(Map.of());
  }

  @AfterAll
  void stop() {
    loop.close();
  }

  @Test
  void answersARetryWithTheSameKeyWithTheSameSendAndItsReply() {
    String conversation = loop.createConversation();
    long before = loop.messagesPosted();

    HttpResponse<String> first = loop.send(conversation, "只送一次", 10, "key-same");
    HttpResponse<String> retry = loop.send(conversation, "只送一次", 10, "key-same");

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
    JsonNode a = BridgeLoop.JSON.readTree(first.body());
    JsonNode b = BridgeLoop.JSON.readTree(retry.body());
    assertThat(b.get("id").asString()).isEqualTo(a.get("id").asString());
    assertThat(b.get("reply").get("id").asString()).isEqualTo(a.get("reply").get("id").asString());
    assertThat(b.get("idempotencyKey").asString()).isEqualTo("key-same");
    assertThat(loop.messagesPosted() - before).isEqualTo(1);
  }

  @Test
  void letsARetryWaitForTheReplyTheFirstAttemptGaveUpOn() {
    String conversation = loop.createConversation();
    loop.emulator.setFaults(Faults.none().withExtraDeliveryDelay(Duration.ofMillis(1000)));
    try {
      HttpResponse<String> first = loop.send(conversation, "請稍候", 0, "key-wait");
      HttpResponse<String> retry = loop.send(conversation, "請稍候", 10, "key-wait");

      assertThat(first.statusCode()).isEqualTo(202);
      assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
      assertThat(BridgeLoop.JSON.readTree(retry.body()).get("id").asString())
          .isEqualTo(BridgeLoop.JSON.readTree(first.body()).get("id").asString());
    } finally {
      loop.emulator.setFaults(Faults.none());
    }
  }

  @Test
  void createsOneSendForConcurrentRetriesWithOneKey() throws Exception {
    String conversation = loop.createConversation();
    long before = loop.messagesPosted();
    List<CompletableFuture<HttpResponse<String>>> retries = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      retries.add(
          CompletableFuture.supplyAsync(() -> loop.send(conversation, "同時重試", 10, "key-race")));
    }

    List<String> ids = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> retry : retries) {
      HttpResponse<String> response = retry.get();
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      ids.add(BridgeLoop.JSON.readTree(response.body()).get("id").asString());
    }

    assertThat(ids).containsOnly(ids.get(0));
    assertThat(loop.messagesPosted() - before).isEqualTo(1);
  }

  @Test
  void refusesTheSameKeyWithAnotherBody() {
    String conversation = loop.createConversation();
    loop.send(conversation, "原本的內容", 0, "key-reused");

    HttpResponse<String> reused = loop.send(conversation, "不同的內容", 0, "key-reused");

    assertThat(reused.statusCode()).isEqualTo(422);
    assertThat(reused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(reused.body()).contains("\"code\":\"idempotency_key_reused\"");
  }

  @Test
  void treatsTheSameKeyInAnotherConversationAsAnotherSend() {
    HttpResponse<String> a = loop.send(loop.createConversation(), "一樣的", 0, "key-shared");
    HttpResponse<String> b = loop.send(loop.createConversation(), "一樣的", 0, "key-shared");

    assertThat(BridgeLoop.JSON.readTree(b.body()).get("id").asString())
        .isNotEqualTo(BridgeLoop.JSON.readTree(a.body()).get("id").asString());
  }

  @Test
  void refusesAKeyLongerThan255Characters() {
    HttpResponse<String> response = loop.send(loop.createConversation(), "太長", 0, "k".repeat(256));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"code\":\"invalid_request\"");
  }
}
