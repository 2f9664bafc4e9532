package dev.maigw.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.message.MessageStore;
import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stopping the gateway under load loses nothing it acknowledged. */
class GracefulShutdownTest {

  @Test
  void keepsEveryAcknowledgedMessageWhenStoppedUnderLoad() throws Exception {
    RunningGateway gateway = RunningGateway.start();
    Set<String> acked = ConcurrentHashMap.newKeySet();
    ExecutorService senders = Executors.newFixedThreadPool(8);
    for (int s = 0; s < 8; s++) {
      String prefix = "shutdown-" + s + "-";
      senders.submit(
          () -> {
            for (int n = 0; n < 100_000; n++) {
              try {
                HttpResponse<String> response =
                    gateway.postWebhook(Fixtures.reply(prefix + n, "conv-shutdown"));
                if (response.statusCode() == 200) {
                  acked.add(prefix + n);
                }
              } catch (UncheckedIOException | IllegalStateException stopped) {
                return;
              }
            }
          });
    }
    Thread.sleep(1_500);
    gateway.close();
    senders.shutdownNow();
    assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    try (RunningGateway restarted = RunningGateway.startOn(gateway.dataDir(), Map.of())) {
      MessageStore store = restarted.bean(MessageStore.class);
      assertThat(acked).isNotEmpty();
      assertThat(acked).allSatisfy(id -> assertThat(store.find(id)).isPresent());
    }
  }
}
