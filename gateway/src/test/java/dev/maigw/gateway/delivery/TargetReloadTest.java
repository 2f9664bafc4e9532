package dev.maigw.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.maigw.gateway.storage.GroupCommitWriter;
import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import dev.maigw.gateway.support.ScriptedReceiver;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reloading the targets is a database read: it never runs on the writer thread, so a slow reload
 * cannot hold up the commits of every webhook.
 */
class TargetReloadTest {

  static final AtomicBoolean SLOW = new AtomicBoolean();
  static final CountDownLatch RELEASE = new CountDownLatch(1);
  static final List<String> RELOAD_THREADS = new CopyOnWriteArrayList<>();

  /** A target store whose version read, the start of every reload, hangs while asked to. */
  @Configuration(proxyBeanMethods = false)
  static class SlowReloads {
    @Bean
    @Primary
    TargetStore slowReloadTargetStore(
        GroupCommitWriter writer, JdbcClient reader, JsonMapper json, Clock clock) {
      return new TargetStore(writer, reader, json, clock) {
        @Override
        long version() {
          RELOAD_THREADS.add(Thread.currentThread().getName());
          if (SLOW.get()) {
            try {
              RELEASE.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return super.version();
        }
      };
    }
  }

  @Test
  void theReloadAfterA410RunsOffTheWriterThreadSoCommitsGoOnWhileItHangs() {
    try (ScriptedReceiver receiver = new ScriptedReceiver().otherwise(410);
        RunningGateway gateway =
            RunningGateway.startWith(
                Map.of(
                    "maigw.delivery.forward-allow", "127.0.0.1/32",
                    "maigw.delivery.poll", "50ms",
                    "maigw.storage.write-timeout", "3s"),
                SlowReloads.class)) {
      try {
        String id =
            DeliveryEndToEndTest.createTarget(gateway, receiver.url(), "conv-gone-slow", false)
                .get("id")
                .asString();
        SLOW.set(true);
        assertThat(
                gateway.postWebhook(Fixtures.reply("gone-slow-1", "conv-gone-slow")).statusCode())
            .isEqualTo(200);
        TargetStore store = gateway.bean(TargetStore.class);
        await().atMost(Duration.ofSeconds(15)).until(() -> !store.find(id).orElseThrow().enabled());

        // The reload the 410 asked for now hangs; the next webhook must be stored all the same.
        assertThat(
                gateway.postWebhook(Fixtures.reply("gone-slow-2", "conv-gone-slow")).statusCode())
            .isEqualTo(200);
        assertThat(RELOAD_THREADS).doesNotContain("group-commit-writer");
      } finally {
        RELEASE.countDown();
      }
    }
  }
}
