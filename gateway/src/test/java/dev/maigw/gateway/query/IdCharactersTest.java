package dev.maigw.gateway.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.RunningGateway;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every id a webhook can carry is readable through the API: ids with characters a path segment
 * cannot hold are read with the query-parameter routes.
 */
class IdCharactersTest {

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

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/", "\\", "%", "%2F", "a/b", "a\\b", "100%", "../x", "?", "#", "&", "+", " ", "é"
      })
  void readsAStoredReplyAndItsConversationWhateverTheirIdHolds(String part) {
    String id = "id-" + part + "-end";
    String conversation = "conv-" + part + "-end";
    HttpResponse<String> stored = gateway.postWebhook(reply(id, conversation));
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);

    HttpResponse<String> one = gateway.getApi("/api/messages?id=" + query(id));
    HttpResponse<String> raw = gateway.getApi("/api/messages?raw=true&id=" + query(id));
    HttpResponse<String> page = gateway.getApi("/api/messages?conversation=" + query(conversation));

    assertThat(one.statusCode()).as(one.body()).isEqualTo(200);
    assertThat(JSON.readTree(one.body()).get("id").asString()).isEqualTo(id);
    assertThat(raw.statusCode()).as(raw.body()).isEqualTo(200);
    assertThat(JSON.readTree(raw.body()).get("id").asString()).isEqualTo(id);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    JsonNode items = JSON.readTree(page.body()).get("items");
    assertThat(items.size()).isEqualTo(1);
    assertThat(items.get(0).get("id").asString()).isEqualTo(id);
  }

  private static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static byte[] reply(String id, String conversation) {
    ObjectNode body = JSON.createObjectNode();
    body.put("id", id);
    body.put("conversation", conversation);
    body.putObject("sender").put("id", 1042).put("name", "客服小幫手");
    body.put("type", "outgoing");
    body.put("content", "hello");
    body.put("createdAt", "1747723272345");
    return JSON.writeValueAsBytes(body);
  }
}
