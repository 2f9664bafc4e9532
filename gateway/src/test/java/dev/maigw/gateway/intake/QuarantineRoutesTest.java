package dev.maigw.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.quarantine.QuarantineStore;
import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code DELETE /api/quarantine/{id}} and {@code POST /api/quarantine/{id}/reingest}. */
class QuarantineRoutesTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    gateway = RunningGateway.start();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void reingestStoresABodyThatReadsNowAndRemovesItFromQuarantine() throws Exception {
    byte[] body = Fixtures.reply("reingest-ok-1", "conv-reingest");
    long id =
        gateway
            .bean(QuarantineStore.class)
            .keep(
                body,
                MessageDigest.getInstance("SHA-256").digest(body),
                "invalid_field",
                "Refused by an older reader.",
                "application/json",
                Instant.now());

    HttpResponse<String> answer = gateway.postApi("/api/quarantine/" + id + "/reingest", "");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode done = JSON.readTree(answer.body());
    assertThat(done.get("outcome").asString()).isEqualTo("stored");
    assertThat(done.get("messageId").asString()).isEqualTo("reingest-ok-1");
    assertThat(gateway.getApiBytes("/api/messages/reingest-ok-1/raw")).isEqualTo(body);
    assertThat(gateway.getApi("/api/quarantine/" + id).statusCode()).isEqualTo(404);
    assertThat(gateway.postApi("/api/quarantine/" + id + "/reingest", "").statusCode())
        .isEqualTo(404);
  }

  @Test
  void reingestKeepsABodyThatIsStillUnreadable() {
    HttpResponse<String> refused =
        gateway.postWebhook("{\"id\":\"broken".getBytes(StandardCharsets.UTF_8));
    long id = JSON.readTree(refused.body()).get("quarantineId").asLong();

    HttpResponse<String> answer = gateway.postApi("/api/quarantine/" + id + "/reingest", "");

    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(answer.body()).get("code").asString()).isEqualTo("malformed_json");
    JsonNode kept = JSON.readTree(gateway.getApi("/api/quarantine/" + id).body());
    assertThat(kept.get("seenCount").asInt()).isEqualTo(2);
  }

  @Test
  void deleteRemovesAQuarantinedBodyOnce() {
    HttpResponse<String> refused =
        gateway.postWebhook("[\"not an object\"]".getBytes(StandardCharsets.UTF_8));
    long id = JSON.readTree(refused.body()).get("quarantineId").asLong();

    assertThat(delete("/api/quarantine/" + id, true).statusCode()).isEqualTo(204);
    assertThat(gateway.getApi("/api/quarantine/" + id).statusCode()).isEqualTo(404);
    HttpResponse<String> again = delete("/api/quarantine/" + id, true);
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(again.body()).get("code").asString()).isEqualTo("not_found");
  }

  @Test
  void bothRoutesNeedTheApiKey() {
    assertThat(delete("/api/quarantine/1", false).statusCode()).isEqualTo(401);
    assertThat(
            gateway
                .post("/api/quarantine/1/reingest", new byte[0], java.util.Map.of())
                .statusCode())
        .isEqualTo(401);
  }

  private static HttpResponse<String> delete(String path, boolean withKey) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.url(path))).DELETE();
    if (withKey) {
      request.header("Authorization", "Bearer " + RunningGateway.API_KEY);
    }
    return RunningGateway.send(request.build());
  }
}
