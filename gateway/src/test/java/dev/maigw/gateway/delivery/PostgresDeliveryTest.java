package dev.maigw.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.Postgres;
import dev.maigw.gateway.support.RunningGateway;
import dev.maigw.gateway.support.ScriptedReceiver;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Forwarding with two gateway instances sharing one PostgreSQL: each instance leases what it
 * stores, claims retries and overflow from the shared store, and neither ever sends a delivery the
 * other holds.
 */
class PostgresDeliveryTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private RunningGateway first;
  private RunningGateway second;

  @BeforeEach
  void startTwoInstances() {
    Map<String, String> properties = new HashMap<>(Postgres.freshDatabase());
    properties.put("maigw.delivery.forward-allow", "127.0.0.1/32");
    properties.put("maigw.delivery.retry-schedule", "0s,100ms,100ms,100ms");
    properties.put("maigw.delivery.jitter", "0");
    properties.put("maigw.delivery.poll", "50ms");
    // One attempt at a time per target: a lane holds 32, so a burst overflows into the store.
    properties.put("maigw.delivery.per-target", "1");
    first = RunningGateway.start(properties);
    second = RunningGateway.start(properties);
  }

  @AfterEach
  void stopBoth() {
    first.close();
    second.close();
  }

  @Test
  void everyMessageStoredThroughEitherInstanceIsDeliveredExactlyOnce() throws Exception {
    try (ScriptedReceiver receiver =
        new ScriptedReceiver().then(500, 500, 503).holdFirst(Duration.ofMillis(500))) {
      // Created on the first instance; the second learns of it inside its next message's commit.
      DeliveryEndToEndTest.createTarget(first, receiver.url(), "conv-pg-fanout", false);

      ExecutorService senders = Executors.newFixedThreadPool(8);
      List<Future<?>> sent = new java.util.ArrayList<>();
      for (int i = 0; i < 120; i++) {
        byte[] body = Fixtures.reply("pg-fanout-" + i, "conv-pg-fanout");
        // Every third message reaches both instances, as a MaiAgent retry might.
        RunningGateway via = i % 2 == 0 ? first : second;
        sent.add(senders.submit(() -> via.postWebhook(body)));
        if (i % 3 == 0) {
          RunningGateway other = via == first ? second : first;
          sent.add(senders.submit(() -> other.postWebhook(body)));
        }
      }
      for (Future<?> future : sent) {
        future.get();
      }
      senders.shutdown();

      await().atMost(PATIENCE).until(() -> accepted(receiver).size() == 120);
      // The three failed attempts were retried; nothing was sent twice otherwise.
      Thread.sleep(500);
      assertThat(receiver.received()).hasSize(123);
      assertThat(accepted(receiver)).doesNotHaveDuplicates();
      assertThat(receiver.received().stream().map(r -> r.header("webhook-id")).distinct())
          .hasSize(120);
      long spills =
          first.bean(DeliveryLanes.class).spills() + second.bean(DeliveryLanes.class).spills();
      assertThat(spills).as("a lane overflowed into the store").isPositive();
    }
  }

  @Test
  void anOrderedTargetGetsOneConversationInOrderAcrossInstances() {
    try (ScriptedReceiver receiver = new ScriptedReceiver().then(503, 200, 503)) {
      DeliveryEndToEndTest.createTarget(first, receiver.url(), "conv-pg-order", true);

      for (int i = 0; i < 12; i++) {
        RunningGateway via = i % 2 == 0 ? first : second;
        assertThat(via.postWebhook(Fixtures.reply("pg-order-" + i, "conv-pg-order")).statusCode())
            .isEqualTo(200);
      }

      await().atMost(PATIENCE).until(() -> accepted(receiver).size() == 12);
      assertThat(accepted(receiver))
          .containsExactlyElementsOf(
              java.util.stream.IntStream.range(0, 12).mapToObj(i -> "pg-order-" + i).toList());
    }
  }

  /** Message ids of the requests answered 2xx, in the order they arrived. */
  private static List<String> accepted(ScriptedReceiver receiver) {
    return receiver.received().stream()
        .filter(r -> r.status() / 100 == 2)
        .map(r -> JSON.readTree(r.body()).get("id").asString())
        .toList();
  }
}
