package dev.maigw.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import dev.maigw.gateway.support.ScriptedReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A graceful stop finishes what is in flight and hands back what was only queued. */
class DeliveryShutdownTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void deliveriesQueuedAtAGracefulStopGoOutRightAfterTheRestart() throws Exception {
    try (ScriptedReceiver receiver = new ScriptedReceiver().holdFirst(Duration.ofSeconds(2));
        RunningGateway gateway =
            RunningGateway.start(
                Map.of(
                    "maigw.delivery.forward-allow", "127.0.0.1/32",
                    "maigw.delivery.per-target", "1",
                    "maigw.delivery.poll", "50ms"))) {
      DeliveryEndToEndTest.createTarget(gateway, receiver.url(), "conv-stop", false);
      for (int i = 0; i < 5; i++) {
        gateway.postWebhook(Fixtures.reply("stop-" + i, "conv-stop"));
      }
      // The first is held by the receiver; the other four wait in the target's lane.
      await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received().size() == 1);

      gateway.restart();

      // Leases last 60 s plus the target's timeout: only given-back leases go out this soon.
      await().atMost(Duration.ofSeconds(15)).until(() -> receiver.received().size() == 5);
      List<String> ids =
          receiver.received().stream()
              .map(r -> JSON.readTree(r.body()).get("id").asString())
              .toList();
      assertThat(ids)
          .containsExactlyInAnyOrderElementsOf(
              IntStream.range(0, 5).mapToObj(i -> "stop-" + i).toList());
    }
  }
}
