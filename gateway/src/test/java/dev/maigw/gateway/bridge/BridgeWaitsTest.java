package dev.maigw.gateway.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.maigw.emulator.delivery.DeliveryState;
import dev.maigw.emulator.fault.Faults;
import dev.maigw.gateway.support.Fixtures;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Bridge waits hold no server thread: with the server's pool far smaller than the number of waiting
 * callers, MaiAgent's webhooks are still answered, and every wait then ends correctly.
 */
class BridgeWaitsTest {

  private static final int WAITERS = 100;

  private BridgeLoop loop;

  @BeforeEach
  void start() {
    loop = BridgeLoop.start(Map.of("server.jetty.threads.max", "20"));
  }

  @AfterEach
  void stop() {
    loop.close();
  }

  @Test
  void answersWebhooksWhileOneHundredSendsWaitOnTwentyThreads() throws Exception {
    List<String> conversations = new ArrayList<>();
    for (int i = 0; i < WAITERS; i++) {
      conversations.add(loop.createConversation());
    }
    // Replies are held until released, so every send waits.
    loop.emulator.setFaults(Faults.none().withOutOfOrderBatch(WAITERS + 1));
    ExecutorService callers = Executors.newFixedThreadPool(WAITERS);
    List<CompletableFuture<HttpResponse<String>>> waits = new ArrayList<>();
    for (int i = 0; i < WAITERS; i++) {
      String conversation = conversations.get(i);
      String text = "等待 #" + i;
      waits.add(CompletableFuture.supplyAsync(() -> loop.send(conversation, text, 60), callers));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                loop.messagesPosted() == WAITERS
                    && loop.gateway.bean(SendWaiters.class).open() == WAITERS
                    // The emulator makes each reply a moment after the message: release only
                    // once all of them are held, or a late one stays held past its wait.
                    && heldReplies() == WAITERS);

    HttpResponse<String> webhook =
        loop.gateway.postWebhook(Fixtures.reply("unrelated-1", "conv-not-bridged"));

    assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(200);
    assertThat(waits).noneMatch(CompletableFuture::isDone);
    loop.emulator.releaseHeldReplies();
    for (int i = 0; i < WAITERS; i++) {
      HttpResponse<String> response = waits.get(i).get();
      String conversation = conversations.get(i);
      assertThat(response.statusCode())
          .as(
              () ->
                  response.body()
                      + " deliveries: "
                      + loop.emulator.deliveries().stream()
                          .filter(d -> d.toString().contains(conversation))
                          .toList())
          .isEqualTo(200);
      JsonNode send = BridgeLoop.JSON.readTree(response.body());
      assertThat(send.get("reply").get("content").asString()).contains("「等待 #" + i + "」");
    }
    callers.shutdown();
  }

  private long heldReplies() {
    return loop.emulator.deliveries().stream().filter(d -> d.state() == DeliveryState.HELD).count();
  }

  @Test
  void endsAWaitAtItsDeadlineWithTheSendAsItStands() {
    String conversation = loop.createConversation();
    loop.emulator.setFaults(Faults.none().withOutOfOrderBatch(2));

    HttpResponse<String> response = loop.send(conversation, "沒有回覆", 1);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    assertThat(response.headers().firstValue("Location")).isPresent();
    assertThat(BridgeLoop.JSON.readTree(response.body()).get("status").asString())
        .isEqualTo("sent");
  }

  @Test
  void keepsAWaitOpenPastTheConnectionIdleTimeout() {
    try (BridgeLoop quiet =
        BridgeLoop.start(Map.of("server.jetty.connection-idle-timeout", "1s"))) {
      String conversation = quiet.createConversation();
      quiet.emulator.setFaults(Faults.none().withExtraDeliveryDelay(Duration.ofMillis(2500)));

      HttpResponse<String> response = quiet.send(conversation, "安靜地等", 10);

      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(BridgeLoop.JSON.readTree(response.body()).get("reply").get("content").asString())
          .contains("安靜地等");
    }
  }
}
