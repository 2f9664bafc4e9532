package dev.maigw.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.maigw.gateway.message.MessageStore;
import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A long-lived loop whose thread dies (here of an injected {@link OutOfMemoryError}) turns liveness
 * and readiness DOWN, is restarted by the supervisor, and works again; nothing acknowledged is
 * lost. The supervisor's own schedule is set far out, so the test restarts the loops itself and the
 * DOWN state cannot pass unseen.
 */
class LoopSupervisionTest {

  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    gateway = RunningGateway.start(Map.of("maigw.loops.restart-delay", "1h"));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"group-commit-writer", "delivery-claims", "send-dispatcher", "message-tail"})
  void aLoopThatDiesTurnsHealthDownIsRestartedAndWorksAgain(String name) {
    Loops loops = gateway.bean(Loops.class);
    String before = "before-" + name;
    assertThat(gateway.postWebhook(Fixtures.reply(before, "c")).statusCode()).isEqualTo(200);

    loops.injectFailure(name, new OutOfMemoryError("injected into " + name));

    await().atMost(Duration.ofSeconds(30)).until(() -> loops.dead().contains(name));
    assertThat(status("/actuator/health/liveness")).isEqualTo(503);
    assertThat(status("/actuator/health/readiness")).isEqualTo(503);

    loops.superviseOnce();

    await().atMost(Duration.ofSeconds(30)).until(() -> status("/actuator/health/liveness") == 200);
    await().atMost(Duration.ofSeconds(30)).until(() -> status("/actuator/health/readiness") == 200);
    long passes = loops.passes(name);
    await().atMost(Duration.ofSeconds(30)).until(() -> loops.passes(name) > passes + 1);
    String after = "after-" + name;
    assertThat(gateway.postWebhook(Fixtures.reply(after, "c")).statusCode()).isEqualTo(200);
    MessageStore messages = gateway.bean(MessageStore.class);
    assertThat(messages.find(before)).isPresent();
    assertThat(messages.find(after)).isPresent();
  }

  @Test
  void aDyingWriterAnswersTheWorksItHeldAndTheRestartedOneCommitsWhatWasQueued() {
    Loops loops = gateway.bean(Loops.class);
    loops.injectFailure("group-commit-writer", new OutOfMemoryError("injected"));
    await().atMost(Duration.ofSeconds(30)).until(() -> !loops.dead().isEmpty());

    // Queued while no writer runs: neither answered nor lost.
    var pending =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> gateway.postWebhook(Fixtures.reply("queued-while-dead", "c")));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                gateway
                        .bean(dev.maigw.gateway.storage.GroupCommitWriter.class)
                        .status()
                        .queuedWrites()
                    == 1);
    assertThat(pending).isNotDone();
    loops.superviseOnce();

    assertThat(pending.join().statusCode()).isEqualTo(200);
    assertThat(gateway.bean(MessageStore.class).find("queued-while-dead")).isPresent();
  }

  private static int status(String path) {
    return RunningGateway.send(
            HttpRequest.newBuilder(URI.create(gateway.url(path)))
                .timeout(Duration.ofSeconds(30))
                .build())
        .statusCode();
  }
}
