package dev.maigw.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.GatewayProcess;
import dev.maigw.gateway.support.RunningGateway;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A gateway killed while a delivery is in flight redelivers it, with the same webhook-id. */
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
