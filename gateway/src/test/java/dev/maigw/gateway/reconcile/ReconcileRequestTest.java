package dev.maigw.gateway.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.RunningGateway;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Requests refused before MaiAgent is called, on a gateway without MaiAgent access. */
class ReconcileRequestTest {

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
  void answers503WithACodeWhenMaiAgentAccessIsNotConfigured() {
    HttpResponse<String> response = reconcile("/api/reconcile?conversation=conv-1", true);

    assertThat(response.statusCode()).isEqualTo(503);
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("code").asString()).isEqualTo("maiagent_not_configured");
    assertThat(problem.get("detail").asString()).contains("MAIAGENT_API_KEY");
  }

  @Test
  void needsAConversationAndAReadableSince() {
    assertThat(JSON.readTree(reconcile("/api/reconcile", true).body()).get("code").asString())
        .isEqualTo("bad_request");
    HttpResponse<String> since = reconcile("/api/reconcile?conversation=c&since=yesterday", true);
    assertThat(since.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(since.body()).get("detail").asString()).startsWith("since must be");
  }

  @Test
  void needsTheApiKey() {
    assertThat(reconcile("/api/reconcile?conversation=conv-1", false).statusCode()).isEqualTo(401);
  }

  private static HttpResponse<String> reconcile(String path, boolean withKey) {
    return gateway.post(
        path,
        new byte[0],
        withKey ? Map.of("Authorization", "Bearer " + RunningGateway.API_KEY) : Map.of());
  }
}
