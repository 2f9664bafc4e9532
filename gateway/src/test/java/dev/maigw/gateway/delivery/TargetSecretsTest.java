package dev.maigw.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.RunningGateway;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A target's header credentials and URL secrets are never echoed, and survive an unchanged PUT. */
class TargetSecretsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String HEADER_SECRET = "Bearer CANARY_header_7d1f";
  private static final String URL_SECRET = "CANARY_url_93ab";
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
  void masksHeaderCredentialsAndUrlSecretsInEveryAnswer() {
    HttpResponse<String> created = create();
    String id = JSON.readTree(created.body()).get("id").asString();

    for (String answer :
        new String[] {
          created.body(),
          gateway.getApi("/api/targets/" + id).body(),
          gateway.getApi("/api/targets").body()
        }) {
      assertThat(answer).doesNotContain("CANARY");
    }
    JsonNode shown = JSON.readTree(gateway.getApi("/api/targets/" + id).body());
    assertThat(shown.get("headers").get("Authorization").asString())
        .isEqualTo(TargetRedaction.MASK);
    assertThat(shown.get("headers").get("X-Tenant").asString()).isEqualTo("42");
    assertThat(shown.get("headersSet").toString()).contains("Authorization", "X-Tenant");
    assertThat(shown.get("url").asString())
        .isEqualTo("https://crm.example.com/hook?team=7&access_token=" + TargetRedaction.MASK);
  }

  @Test
  void aPutThatSendsTheMaskedValuesBackKeepsTheStoredSecrets() {
    String id = JSON.readTree(create().body()).get("id").asString();
    ObjectNode edited = (ObjectNode) JSON.readTree(gateway.getApi("/api/targets/" + id).body());
    edited.put("name", "renamed");

    HttpResponse<String> updated = put("/api/targets/" + id, edited.toString());

    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    assertThat(updated.body()).doesNotContain("CANARY").contains("renamed");
    Target stored = gateway.bean(TargetStore.class).find(id).orElseThrow();
    assertThat(stored.headers()).containsEntry("Authorization", HEADER_SECRET);
    assertThat(stored.url()).endsWith("access_token=" + URL_SECRET);
  }

  @Test
  void aPutWithNewValuesReplacesTheSecrets() {
    String id = JSON.readTree(create().body()).get("id").asString();
    String body =
        """
        {"name":"crm","url":"https://crm.example.com/hook?access_token=fresh",
         "headers":{"Authorization":"Bearer fresh"}}
        """;

    assertThat(put("/api/targets/" + id, body).statusCode()).isEqualTo(200);

    Target stored = gateway.bean(TargetStore.class).find(id).orElseThrow();
    assertThat(stored.headers()).isEqualTo(Map.of("Authorization", "Bearer fresh"));
    assertThat(stored.url()).endsWith("access_token=fresh");
  }

  private static HttpResponse<String> create() {
    HttpResponse<String> created =
        gateway.postApi(
            "/api/targets",
            """
            {"name":"crm","url":"https://crm.example.com/hook?team=7&access_token=%s",
             "headers":{"Authorization":"%s","X-Tenant":"42"}}
            """
                .formatted(URL_SECRET, HEADER_SECRET));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return created;
  }

  private static HttpResponse<String> put(String path, String json) {
    return RunningGateway.send(
        HttpRequest.newBuilder(URI.create(gateway.url(path)))
            .header("Authorization", "Bearer " + RunningGateway.API_KEY)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }
}
