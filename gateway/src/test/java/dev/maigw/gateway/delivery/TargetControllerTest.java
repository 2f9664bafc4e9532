package dev.maigw.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Managing forwarding targets over real HTTP. */
class TargetControllerTest {

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
  void createsATargetAndShowsItsSecretOnlyOnce() {
    HttpResponse<String> created =
        gateway.postApi(
            "/api/targets",
            """
            {"name":"crm","url":"https://crm.example.com/hooks/maiagent",
             "headers":{"X-Tenant":"42"},"ordered":true,"conversation":"conv-1"}
            """);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode target = JSON.readTree(created.body());
    assertThat(target.get("secret").asString()).startsWith("whsec_");
    assertThat(target.get("messageTypes").get(0).asString()).isEqualTo("outgoing");
    assertThat(target.get("ordered").asBoolean()).isTrue();
    assertThat(created.headers().firstValue("Location"))
        .hasValue("/api/targets/" + target.get("id").asString());

    JsonNode shown =
        JSON.readTree(gateway.getApi("/api/targets/" + target.get("id").asString()).body());
    assertThat(shown.has("secret")).isFalse();
    assertThat(shown.get("headers").get("X-Tenant").asString()).isEqualTo("42");
    assertThat(gateway.getApi("/api/targets").body()).doesNotContain("whsec_");
  }

  @Test
  void updatesDisablesEnablesAndDeletesATarget() {
    String id = create("{\"url\":\"https://a.example.com/hook\"}");

    JsonNode updated =
        JSON.readTree(
            send(
                    "PUT",
                    "/api/targets/" + id,
                    "{\"url\":\"https://b.example.com/hook\",\"timeoutMs\":2000}")
                .body());
    JsonNode disabled =
        JSON.readTree(gateway.postApi("/api/targets/" + id + "/disable", "").body());
    JsonNode enabled = JSON.readTree(gateway.postApi("/api/targets/" + id + "/enable", "").body());
    HttpResponse<String> deleted = send("DELETE", "/api/targets/" + id, null);

    assertThat(updated.get("url").asString()).isEqualTo("https://b.example.com/hook");
    assertThat(updated.get("timeoutMs").asLong()).isEqualTo(2000);
    assertThat(disabled.get("enabled").asBoolean()).isFalse();
    assertThat(disabled.get("disabledReason").asString()).isNotBlank();
    assertThat(enabled.get("enabled").asBoolean()).isTrue();
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(gateway.getApi("/api/targets/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void cancelsTheUnfinishedDeliveriesOfADeletedTargetAndListsThemByStatus() {
    String id = create("{\"url\":\"https://d.example.com/hook\",\"conversation\":\"conv-tc-del\"}");
    gateway.postWebhook(Fixtures.reply("tc-del-1", "conv-tc-del"));
    String all = "/api/deliveries?targetId=" + id;
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> JSON.readTree(gateway.getApi(all).body()).get("items").size() == 1);

    assertThat(send("DELETE", "/api/targets/" + id, null).statusCode()).isEqualTo(204);

    HttpResponse<String> cancelled =
        gateway.getApi("/api/deliveries?status=cancelled&targetId=" + id);
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    JsonNode items = JSON.readTree(cancelled.body()).get("items");
    assertThat(items).hasSize(1);
    assertThat(items.get(0).get("status").asString()).isEqualTo("cancelled");
    assertThat(items.get(0).get("lastError").asString()).isEqualTo("The target was deleted.");
    assertThat(JSON.readTree(gateway.getApi(all + "&status=pending").body()).get("items"))
        .isEmpty();
  }

  @Test
  void keepsAGivenSecret() {
    String secret = SigningSecret.generate();
    HttpResponse<String> created =
        gateway.postApi(
            "/api/targets",
            "{\"url\":\"https://c.example.com/hook\",\"secret\":\"" + secret + "\"}");

    assertThat(JSON.readTree(created.body()).get("secret").asString()).isEqualTo(secret);
  }

  @Test
  void refusesInvalidSettingsWithAClearProblem() {
    assertThat(problem("{}")).isEqualTo("\"url\" is required.");
    assertThat(problem("{\"url\":\"ftp://x.example.com/\"}")).contains("'ftp'");
    assertThat(problem("{\"url\":\"https://u:p@x.example.com/\"}")).isNotBlank();
    assertThat(problem("{\"url\":\"https://x.example.com/\",\"headers\":{\"Host\":\"evil\"}}"))
        .isEqualTo("Header 'Host' is set by the gateway and cannot be overridden.");
    assertThat(
            problem("{\"url\":\"https://x.example.com/\",\"headers\":{\"X-A\":\"a\\r\\nB: c\"}}"))
        .isEqualTo("Header 'X-A' must be a one-line string.");
    assertThat(problem("{\"url\":\"https://x.example.com/\",\"timeoutMs\":5}"))
        .isEqualTo("\"timeoutMs\" must be between 100 and 60000.");
    assertThat(problem("{\"url\":\"https://x.example.com/\",\"secret\":\"whsec_c2hvcnQ=\"}"))
        .isEqualTo("The signing secret must hold 24 to 64 bytes; it holds 5.");
  }

  private static String problem(String body) {
    HttpResponse<String> response = gateway.postApi("/api/targets", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    return JSON.readTree(response.body()).get("detail").asString();
  }

  private static String create(String body) {
    HttpResponse<String> created = gateway.postApi("/api/targets", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).get("id").asString();
  }

  private static HttpResponse<String> send(String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(gateway.url(path)))
            .header("Authorization", "Bearer " + RunningGateway.API_KEY)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    return RunningGateway.send(request.build());
  }
}
