package dev.maigw.gateway.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.maigw.emulator.fault.ApiErrorPlan;
import dev.maigw.emulator.fault.Faults;
import dev.maigw.gateway.support.RunningGateway;
import dev.maigw.gateway.support.SettableClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A send MaiAgent may have taken (a 5xx, a timeout, a 201 the gateway failed to record) is {@code
 * unknown}: it holds its conversation and takes the reply that may still come, so that reply never
 * goes to the next send. Only a definite refusal fails a send.
 */
class BridgeOutcomeTest {

  @Test
  void holdsTheConversationAfterAServerErrorAndGivesTheLateReplyToThatSend() throws Exception {
    try (BridgeLoop loop = BridgeLoop.start(Map.of())) {
      String conversation = loop.createConversation();
      loop.emulator.failNextApiCalls(ApiErrorPlan.of(500, 1).forPath("messages/"));

      HttpResponse<String> first = loop.send(conversation, "第一則", 1);
      assertThat(first.statusCode()).as(first.body()).isEqualTo(500);
      JsonNode problem = BridgeLoop.JSON.readTree(first.body());
      assertThat(problem.get("sendStatus").asString()).isEqualTo("unknown");
      String firstId = problem.get("send").asString();

      HttpResponse<String> second = loop.send(conversation, "第二則", 0);
      assertThat(second.statusCode()).isEqualTo(202);
      assertThat(loop.latestStatus(conversation))
          .as("held behind the unknown send")
          .isEqualTo("queued");

      loop.emulator.pushReply(conversation, "給第一則的回覆");

      HttpResponse<String> firstAgain = loop.gateway.getApi("/api/sends/" + firstId + "?wait=10");
      assertThat(firstAgain.statusCode()).as(firstAgain.body()).isEqualTo(200);
      assertThat(BridgeLoop.JSON.readTree(firstAgain.body()).get("reply").get("content").asString())
          .isEqualTo("給第一則的回覆");
      String secondId = BridgeLoop.JSON.readTree(second.body()).get("id").asString();
      HttpResponse<String> secondAgain = loop.gateway.getApi("/api/sends/" + secondId + "?wait=10");
      assertThat(secondAgain.statusCode()).as(secondAgain.body()).isEqualTo(200);
      assertThat(
              BridgeLoop.JSON.readTree(secondAgain.body()).get("reply").get("content").asString())
          .contains("「第二則」");
    }
  }

  @Test
  void recordsASendWhoseCallTimedOutAsUnknown() {
    try (BridgeLoop loop = BridgeLoop.start(Map.of("maigw.bridge.request-timeout", "2s"))) {
      String conversation = loop.createConversation();
      loop.emulator.setFaults(
          Faults.none()
              .withReceiptDelay(Duration.ofSeconds(5))
              .withExtraDeliveryDelay(Duration.ofSeconds(30)));

      HttpResponse<String> response = loop.send(conversation, "逾時", 0);
      String sendId = BridgeLoop.JSON.readTree(response.body()).get("id").asString();

      // A wait that ends without a reply reports MaiAgent's error, and that the send is unknown.
      HttpResponse<String> later = loop.gateway.getApi("/api/sends/" + sendId + "?wait=10");
      assertThat(later.statusCode()).as(later.body()).isEqualTo(502);
      JsonNode problem = BridgeLoop.JSON.readTree(later.body());
      assertThat(problem.get("code").asString()).isEqualTo("maiagent_unreachable");
      assertThat(problem.get("sendStatus").asString()).isEqualTo("unknown");
      assertThat(problem.get("send").asString()).isEqualTo(sendId);
    }
  }

  @Test
  void neverLeavesASendSendingWhenItsReceiptCouldNotBeRecorded() throws Exception {
    try (BridgeLoop loop =
        BridgeLoop.start(
            Map.of("maigw.bridge.request-timeout", "5s"), SettableClock.Override.class)) {
      String conversation = loop.createConversation();
      loop.emulator.setFaults(
          Faults.none()
              .withReceiptDelay(Duration.ofSeconds(1))
              .withExtraDeliveryDelay(Duration.ofSeconds(60)));
      HttpResponse<String> response = loop.send(conversation, "收據遺失", 0);
      String sendId = BridgeLoop.JSON.readTree(response.body()).get("id").asString();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> loop.latestStatus(conversation).equals("sending"));

      try (Connection intruder =
              DriverManager.getConnection("jdbc:sqlite:" + loop.gateway.sqliteFile());
          Statement lock = intruder.createStatement()) {
        lock.execute("BEGIN IMMEDIATE");
        await().atMost(Duration.ofSeconds(10)).until(() -> unrecorded(loop.gateway) >= 1);
        lock.execute("ROLLBACK");
      }
      assertThat(loop.sendView(sendId).get("status").asString()).isEqualTo("sending");

      loop.gateway
          .bean(SettableClock.class)
          .advance(Duration.ofSeconds(5).plus(SendDispatcher.STALE_MARGIN).plusSeconds(1));

      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> loop.sendView(sendId).get("status").asString().equals("unknown"));
      assertThat(loop.messagesPosted()).as("never sent twice").isEqualTo(1);
    }
  }

  @Test
  void failsASendMaiAgentRefusedAndSendsTheNextOneAtOnce() {
    try (BridgeLoop loop = BridgeLoop.start(Map.of())) {
      String conversation = loop.createConversation();
      loop.emulator.failNextApiCalls(ApiErrorPlan.of(400, 1).forPath("messages/"));

      HttpResponse<String> refused = loop.send(conversation, "被拒絕", 5);
      HttpResponse<String> next = loop.send(conversation, "下一則", 10);

      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.body()).doesNotContain("sendStatus");
      assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
    }
  }

  @Test
  void failsASendWhenMaiAgentRefusesTheConnection() {
    int closedPort = RunningGateway.freePort();
    try (RunningGateway gateway =
        RunningGateway.start(
            Map.of(
                "maigw.bridge.base-url",
                "http://127.0.0.1:" + closedPort + "/api/v1/",
                "maigw.bridge.api-key",
                "key"))) {
      HttpResponse<String> response =
          gateway.postApi("/api/conversations/conv-1/messages?wait=10", "{\"content\":\"在嗎\"}");

      assertThat(response.statusCode()).as(response.body()).isEqualTo(502);
      assertThat(response.body()).contains("\"code\":\"maiagent_unreachable\"");
      assertThat(response.body()).doesNotContain("sendStatus");
    }
  }

  private static double unrecorded(RunningGateway gateway) {
    return gateway.bean(MeterRegistry.class).counter("maigw.bridge.sends.unrecorded").count();
  }
}
