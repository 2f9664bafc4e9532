package dev.maigw.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.maigw.gateway.message.StoredMessage;
import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** In-process handlers get every message with the same retry and dead-letter rules. */
class MessageHandlerTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  static final List<String> HANDLED = new CopyOnWriteArrayList<>();
  static final AtomicInteger FLAKY_CALLS = new AtomicInteger();
  private static RunningGateway gateway;

  /** What an integrator would declare. */
  @Configuration(proxyBeanMethods = false)
  static class Handlers {
    @Bean
    MessageHandler recorder() {
      return new MessageHandler() {
        @Override
        public String name() {
          return "recorder";
        }

        @Override
        public void handle(String deliveryId, StoredMessage message) {
          HANDLED.add(message.messageId());
        }
      };
    }

    @Bean
    MessageHandler flaky() {
      return new MessageHandler() {
        @Override
        public String name() {
          return "flaky";
        }

        @Override
        public void handle(String deliveryId, StoredMessage message) {
          if (message.messageId().startsWith("handler-flaky")
              && FLAKY_CALLS.incrementAndGet() <= 2) {
            throw new IllegalStateException("not yet");
          }
        }
      };
    }
  }

  @BeforeAll
  static void start() {
    gateway =
        RunningGateway.startWith(
            Map.of(
                "maigw.delivery.retry-schedule", "0s,100ms,100ms",
                "maigw.delivery.jitter", "0",
                "maigw.delivery.poll", "50ms"),
            Handlers.class);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void callsTheHandlerForEveryStoredReply() {
    gateway.postWebhook(Fixtures.reply("handler-1", "conv-handler"));
    gateway.postWebhook(Fixtures.reply("handler-2", "conv-handler"));

    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> HANDLED.containsAll(List.of("handler-1", "handler-2")));
  }

  @Test
  void retriesAHandlerThatThrowsUntilItSucceeds() {
    gateway.postWebhook(Fixtures.reply("handler-flaky-1", "conv-handler-flaky"));

    String path = "/api/deliveries?targetId=handler-flaky";
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                JSON.readTree(gateway.getApi(path).body())
                    .path("items")
                    .path(0)
                    .path("status")
                    .asString("")
                    .equals("delivered"));
    String id = JSON.readTree(gateway.getApi(path).body()).get("items").get(0).get("id").asString();
    JsonNode attempts =
        JSON.readTree(gateway.getApi("/api/deliveries/" + id).body()).get("attempts");
    assertThat(attempts).hasSize(3);
    assertThat(attempts.get(0).get("error").asString()).startsWith("handler_failed");
  }

  @Test
  void listsEachHandlerAsATarget() {
    String targets = gateway.getApi("/api/targets").body();

    assertThat(targets).contains("handler:recorder", "handler:flaky");
  }
}
