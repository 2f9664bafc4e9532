package dev.maigw.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import dev.maigw.gateway.support.ScriptedReceiver;
import dev.maigw.gateway.support.SettableClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Retries follow the gateway's clock, so a test sets time instead of waiting for it. */
class DeliveryClockTest {

  @Test
  void retriesOnlyOnceTheGatewaysClockReachesTheNextAttempt() {
    try (ScriptedReceiver receiver = new ScriptedReceiver().then(500);
        RunningGateway gateway =
            RunningGateway.startWith(
                Map.of(
                    "maigw.delivery.forward-allow", "127.0.0.1/32",
                    "maigw.delivery.retry-schedule", "0s,1h",
                    "maigw.delivery.jitter", "0",
                    "maigw.delivery.poll", "50ms"),
                SettableClock.Override.class)) {
      SettableClock clock = gateway.bean(SettableClock.class);
      DeliveryStore deliveries = gateway.bean(DeliveryStore.class);
      DeliveryWorker worker = gateway.bean(DeliveryWorker.class);
      DeliveryEndToEndTest.createTarget(gateway, receiver.url(), "conv-clock", false);
      gateway.postWebhook(Fixtures.reply("clock-1", "conv-clock"));
      await().atMost(Duration.ofSeconds(15)).until(() -> receiver.received().size() == 1);
      String id = receiver.received().get(0).header("webhook-id");
      await().atMost(Duration.ofSeconds(15)).until(() -> deliveries.attempts(id).size() == 1);

      clock.advance(Duration.ofMinutes(59));
      worker.runDueOnce();
      assertThat(deliveries.find(id).orElseThrow().attempts()).as("not due yet").isEqualTo(1);

      clock.advance(Duration.ofMinutes(1));
      worker.runDueOnce();
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> deliveries.find(id).orElseThrow().status().equals(Delivery.DELIVERED));
      assertThat(receiver.received()).hasSize(2);
      assertThat(deliveries.attempts(id))
          .extracting(DeliveryAttempt::startedAt)
          .containsExactly(
              deliveries.find(id).orElseThrow().createdAt(),
              deliveries.find(id).orElseThrow().createdAt().plus(Duration.ofHours(1)));
    }
  }
}
