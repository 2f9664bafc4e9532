package dev.maigw.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.GatewayProcess;
import dev.maigw.gateway.support.RunningGateway;
import dev.maigw.gateway.support.ScriptedReceiver;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A gateway killed while deliveries are in flight redelivers them, with the same webhook-id, and no
 * acknowledged reply is left undelivered.
 */
class DeliveryCrashTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String[] SETTINGS = {
    "maigw.delivery.forward-allow=127.0.0.1/32",
    "maigw.delivery.lease=2s",
    "maigw.delivery.poll=100ms"
  };

  @Test
  void redeliversWithTheSameIdAfterAKillMidDelivery() throws Exception {
    Path dataDir = Files.createTempDirectory("maigw-delivery-crash-");
    int port = RunningGateway.freePort();
    try (ScriptedReceiver receiver = new ScriptedReceiver().holdFirst(Duration.ofSeconds(6))) {
      try (GatewayProcess first =
          GatewayProcess.start(dataDir, port, dataDir.resolve("first.log"), SETTINGS)) {
        post(port, "/api/targets", JSON.writeValueAsString(Map.of("url", receiver.url())));
        post(port, "/maiagent/webhook", new String(Fixtures.reply("crash-dl-1", "conv-crash")));
        await().atMost(Duration.ofSeconds(15)).until(() -> receiver.received().size() == 1);
        first.kill(); // while the target is still holding the first attempt
      }

      try (GatewayProcess second =
          GatewayProcess.start(dataDir, port, dataDir.resolve("second.log"), SETTINGS)) {
        int restartedPort = second.port();
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() >= 2);
        String id = receiver.received().get(0).header("webhook-id");
        assertThat(receiver.received().get(1).header("webhook-id")).isEqualTo(id);
        await()
            .atMost(Duration.ofSeconds(15))
            .until(
                () ->
                    delivery(port, id)
                        .get("delivery")
                        .get("status")
                        .asString()
                        .equals("delivered"));
      }
    }
  }

  @Test
  void everyAcknowledgedReplyIsDeliveredAcrossKillsUnderLoad() throws Exception {
    Path dataDir = Files.createTempDirectory("maigw-delivery-crash-load-");
    int port = RunningGateway.freePort();
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger sequence = new AtomicInteger();
    try (ScriptedReceiver receiver = new ScriptedReceiver()) {
      for (int cycle = 0; cycle < 3; cycle++) {
        try (GatewayProcess gateway =
            GatewayProcess.start(
                dataDir, port, dataDir.resolve("cycle-" + cycle + ".log"), SETTINGS)) {
          if (cycle == 0) {
            post(
                port,
                "/api/targets",
                JSON.writeValueAsString(Map.of("url", receiver.url(), "timeoutMs", 1000)));
          }
          // Four senders for about a second and a half, then kill -9 while they still send:
          // deliveries are leased, in flight or recorded at every moment of the cut.
          ExecutorService senders = Executors.newFixedThreadPool(4);
          long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
          for (int s = 0; s < 4; s++) {
            senders.execute(() -> sendUntil(port, until, sequence, acknowledged));
          }
          Thread.sleep(1500);
          gateway.kill();
          senders.shutdown();
          assertThat(senders.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
      }
      try (GatewayProcess last =
          GatewayProcess.start(dataDir, port, dataDir.resolve("last.log"), SETTINGS)) {
        // Leases are 2 s plus the 1 s timeout: whatever the kills cut off goes out again.
        assertThat(last.port()).isEqualTo(port);
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> deliveredIds(receiver).containsAll(acknowledged));
      }
      assertThat(acknowledged).hasSizeGreaterThan(30);
      // At least once: a reply may arrive twice, but always under one webhook-id.
      Map<String, Set<String>> idsByReply = new HashMap<>();
      for (ScriptedReceiver.Received received : receiver.received()) {
        idsByReply
            .computeIfAbsent(replyId(received), k -> new HashSet<>())
            .add(received.header("webhook-id"));
      }
      assertThat(idsByReply.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
    }
  }

  private static void sendUntil(
      int port, long until, AtomicInteger sequence, Set<String> acknowledged) {
    while (System.nanoTime() < until) {
      String id = "crash-load-" + sequence.incrementAndGet();
      try {
        HttpResponse<String> response =
            RunningGateway.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/maiagent/webhook"))
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(5))
                    .POST(
                        HttpRequest.BodyPublishers.ofByteArray(
                            Fixtures.reply(id, "conv-crash-" + (sequence.get() % 5))))
                    .build());
        if (response.statusCode() == 200) {
          acknowledged.add(id);
        }
      } catch (RuntimeException killed) {
        return; // the gateway is gone: an unanswered reply was never acknowledged
      }
    }
  }

  private static Set<String> deliveredIds(ScriptedReceiver receiver) {
    Set<String> ids = new HashSet<>();
    for (ScriptedReceiver.Received received : receiver.received()) {
      if (received.status() / 100 == 2) {
        ids.add(replyId(received));
      }
    }
    return ids;
  }

  private static String replyId(ScriptedReceiver.Received received) {
    return JSON.readTree(received.body()).get("id").asString();
  }

  private static HttpResponse<String> post(int port, String path, String json) {
    HttpResponse<String> response =
        RunningGateway.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + RunningGateway.API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    return response;
  }

  private static JsonNode delivery(int port, String id) {
    return JSON.readTree(
        RunningGateway.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/deliveries/" + id))
                    .header("Authorization", "Bearer " + RunningGateway.API_KEY)
                    .build())
            .body());
  }
}
