package dev.maigw.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.maigw.gateway.message.StoredMessage;
import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An in-process handler is held to its timeout like an HTTP target: one that hangs is interrupted
 * and retried, so its lease never runs out under it and no second call overlaps the first.
 */
@ExtendWith(OutputCaptureExtension.class)
class HandlerTimeoutTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  static final AtomicInteger RUNNING = new AtomicInteger();
  static final AtomicInteger MOST_AT_ONCE = new AtomicInteger();
  static final AtomicInteger CALLS = new AtomicInteger();

  /** Hangs for 18 s on its first call and then throws; answers at once afterwards. */
  @Configuration(proxyBeanMethods = false)
  static class Handlers {
    @Bean
    MessageHandler hanging() {
      return new MessageHandler() {
        @Override
        public String name() {
          return "hanging";
        }

        @Override
        public Duration timeout() {
          return Duration.ofSeconds(1);
        }

        @Override
        public void handle(String deliveryId, StoredMessage message) throws Exception {
          MOST_AT_ONCE.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
          try {
            if (CALLS.incrementAndGet() == 1) {
              Thread.sleep(18_000);
              throw new IllegalStateException("failed after the lease ran out");
            }
          } finally {
            RUNNING.decrementAndGet();
          }
        }
      };
    }
  }

  @Test
  void interruptsAHandlerAtItsTimeoutSoTwoCallsNeverOverlapAndTheStateNeverGoesBack(
      CapturedOutput output) {
    try (RunningGateway gateway =
        RunningGateway.startWith(
            Map.of(
                // Leases last 2 s plus the handler's 1 s timeout.
                "maigw.delivery.lease", "2s",
                "maigw.delivery.retry-schedule", "0s,100ms,100ms,100ms",
                "maigw.delivery.jitter", "0",
                "maigw.delivery.poll", "50ms"),
            Handlers.class)) {
      gateway.postWebhook(Fixtures.reply("handler-hang-1", "conv-handler-hang"));

      String path = "/api/deliveries?targetId=handler-hanging";
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> first(gateway, path).path("status").asString("").equals("delivered"));
      // Wait until no call is left running, however late a hanging one would end.
      await().atMost(Duration.ofSeconds(30)).until(() -> RUNNING.get() == 0);

      assertThat(MOST_AT_ONCE.get()).as("calls running at once").isEqualTo(1);
      assertThat(CALLS.get()).isEqualTo(2);
      JsonNode delivery = first(gateway, path);
      assertThat(delivery.get("status").asString()).isEqualTo("delivered");
      JsonNode attempts =
          JSON.readTree(gateway.getApi("/api/deliveries/" + delivery.get("id").asString()).body())
              .get("attempts");
      assertThat(attempts).hasSize(2);
      assertThat(attempts.get(0).get("error").asString()).startsWith("handler_timeout");
      assertThat(attempts.get(1).get("error").isNull()).isTrue();
      String logged =
          "outcome=handler_timeout deliveryId="
              + delivery.get("id").asString()
              + " messageId=handler-hang-1 target=handler:hanging attempt=1 status=-"
              + " error=handler_timeout ";
      await().atMost(Duration.ofSeconds(15)).until(() -> output.getOut().contains(logged));
    }
  }

  private static JsonNode first(RunningGateway gateway, String path) {
    return JSON.readTree(gateway.getApi(path).body()).path("items").path(0);
  }
}
