package dev.maigw.gateway.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The read API over real HTTP: guarded by the API key, paged by cursor. */
class ReadApiTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    gateway = RunningGateway.start();
    for (int i = 0; i < 5; i++) {
      gateway.postWebhook(Fixtures.reply("api-a-" + i, "api-conv-a"));
    }
    gateway.postWebhook(Fixtures.reply("api-b-0", "api-conv-b"));
    gateway.postWebhook("{broken".getBytes());
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void refusesEveryApiRouteWithoutTheKey() {
    List<String> paths = apiRoutes();
    assertThat(paths).contains("/api/messages/{id}", "/api/conversations", "/api/quarantine");

    for (String pattern : paths) {
      if (pattern.startsWith("/api/openapi.json")) {
        continue; // the API's description and its page's config are public (OpenApiDocumentTest)
      }
      String path = pattern.replaceAll("\\{[^}]+}", "1");
      HttpResponse<String> none = get(path, null);
      HttpResponse<String> wrong = get(path, "Bearer not-the-key");
      assertThat(none.statusCode()).as(path).isEqualTo(401);
      assertThat(wrong.statusCode()).as(path).isEqualTo(401);
      assertThat(none.body()).contains("\"code\":\"unauthorized\"");
    }
  }

  @Test
  void pagesAConversationInCommitOrder() {
    JsonNode first = api("/api/conversations/api-conv-a/messages?limit=2");
    JsonNode second = api("/api/conversations/api-conv-a/messages?limit=2&after=" + cursor(first));
    JsonNode third = api("/api/conversations/api-conv-a/messages?limit=2&after=" + cursor(second));
    JsonNode end = api("/api/conversations/api-conv-a/messages?limit=2&after=" + cursor(third));

    List<String> ids = new ArrayList<>();
    for (JsonNode page : List.of(first, second, third, end)) {
      page.get("items").forEach(item -> ids.add(item.get("id").asString()));
    }
    assertThat(ids).containsExactly("api-a-0", "api-a-1", "api-a-2", "api-a-3", "api-a-4");
    assertThat(end.get("items")).isEmpty();
    assertThat(cursor(end))
        .as("an empty page keeps the cursor to poll on")
        .isEqualTo(cursor(third));
  }

  @Test
  void listsConversationsLatestFirst() {
    JsonNode page = api("/api/conversations?limit=1");
    JsonNode next = api("/api/conversations?limit=1&before=" + cursor(page));

    assertThat(page.get("items").get(0).get("id").asString()).isEqualTo("api-conv-b");
    assertThat(next.get("items").get(0).get("id").asString()).isEqualTo("api-conv-a");
    assertThat(next.get("items").get(0).get("messageCount").asInt()).isEqualTo(5);
  }

  @Test
  void showsQuarantinedBodies() {
    JsonNode page = api("/api/quarantine");

    JsonNode kept = page.get("items").get(0);
    assertThat(kept.get("code").asString()).isEqualTo("malformed_json");
    assertThat(kept.get("preview").asString()).isEqualTo("{broken");
  }

  @Test
  void answersUnknownIdsWithNotFound() {
    HttpResponse<String> response = gateway.getApi("/api/messages/no-such-id");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("\"code\":\"not_found\"");
  }

  @Test
  void refusesAMalformedCursorOrLimit() {
    assertThat(gateway.getApi("/api/conversations/x/messages?after=abc").statusCode())
        .isEqualTo(400);
    assertThat(gateway.getApi("/api/conversations?limit=0").statusCode()).isEqualTo(400);
    assertThat(gateway.getApi("/api/conversations?limit=100000").statusCode()).isEqualTo(400);
  }

  private static List<String> apiRoutes() {
    List<String> paths = new ArrayList<>();
    gateway
        .bean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
        .getHandlerMethods()
        .keySet()
        .forEach(
            info ->
                info.getPatternValues().stream()
                    .filter(p -> p.startsWith("/api/"))
                    .forEach(paths::add));
    return paths;
  }

  private static HttpResponse<String> get(String path, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.url(path))).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return RunningGateway.send(request.build());
  }

  private static JsonNode api(String path) {
    HttpResponse<String> response = gateway.getApi(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static String cursor(JsonNode page) {
    return page.get("nextCursor").asString();
  }
}
