package dev.maigw.gateway.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.maigw.emulator.fault.Faults;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Replies are matched by when MaiAgent created them: a reply created before a send was dispatched
 * is never that send's, so a late second reply to S1 stays with S1 even while S2 is being sent.
 */
class BridgeMatchingTest {

  @Test
  void keepsALateSecondReplyWithItsSendWhileTheNextSendIsSending() throws Exception {
    try (BridgeLoop loop = BridgeLoop.start(Map.of("maigw.bridge.clock-skew", "0ms"))) {
      String conversation = loop.createConversation();
      JsonNode first = BridgeLoop.JSON.readTree(loop.send(conversation, "第一則", 10).body());
      Instant firstDispatched = Instant.parse(first.get("dispatchedAt").asString());
      loop.emulator.setFaults(
          Faults.none()
              .withReceiptDelay(Duration.ofMillis(1500))
              .withExtraDeliveryDelay(Duration.ofMillis(1500)));
      CompletableFuture<HttpResponse<String>> second =
          CompletableFuture.supplyAsync(() -> loop.send(conversation, "第二則", 30));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> loop.latestStatus(conversation).equals("sending"));

      HttpResponse<String> late =
          loop.gateway.postWebhook(
              BridgeLoop.replyBody(
                  "late-part-2", conversation, "第一則的第二段", firstDispatched.plusMillis(1)));

      assertThat(late.statusCode()).isEqualTo(200);
      JsonNode secondSend = BridgeLoop.JSON.readTree(second.get().body());
      assertThat(secondSend.get("replies")).hasSize(1);
      assertThat(secondSend.get("reply").get("content").asString()).contains("「第二則」");
      JsonNode firstSend = loop.sendView(first.get("id").asString());
      assertThat(firstSend.get("replies")).hasSize(2);
      assertThat(firstSend.get("replies").get(1).get("content").asString()).isEqualTo("第一則的第二段");
    }
  }

  @Test
  void neverAnswersACallerWithAReplyCreatedBeforeItsSendWentOut() throws Exception {
    try (BridgeLoop loop = BridgeLoop.start(Map.of())) {
      String conversation = loop.createConversation();
      loop.emulator.setFaults(Faults.none().withExtraDeliveryDelay(Duration.ofMillis(1500)));
      CompletableFuture<HttpResponse<String>> send =
          CompletableFuture.supplyAsync(() -> loop.send(conversation, "現在的問題", 30));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> loop.latestStatus(conversation).equals("sent"));

      HttpResponse<String> old =
          loop.gateway.postWebhook(
              BridgeLoop.replyBody(
                  "an-hour-old", conversation, "一小時前的回覆", Instant.now().minusSeconds(3600)));

      assertThat(old.statusCode()).isEqualTo(200);
      JsonNode answered = BridgeLoop.JSON.readTree(send.get().body());
      assertThat(answered.get("replies")).hasSize(1);
      assertThat(answered.get("reply").get("content").asString()).contains("「現在的問題」");
    }
  }
}
