package dev.maigw.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import dev.maigw.gateway.support.StaticDns;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/targets} and {@code GET /api/deliveries} page like every other list: {@code
 * items} and {@code nextCursor}, passed back as {@code after} or {@code before}.
 */
class ListPagingTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    // Port 9 on loopback: nothing listens, so deliveries stay pending and nothing leaves the host.
    gateway =
        RunningGateway.startWith(
            Map.of("maigw.delivery.forward-allow", "127.0.0.1:9"), StaticDns.Override.class);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void pagesTargetsWithANextCursorUntilTheLastPage() {
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      created.add(
          id(gateway.postApi("/api/targets", "{\"url\":\"https://public.test/t" + i + "\"}")));
    }

    JsonNode first = get("/api/targets?limit=2");
    JsonNode rest = get("/api/targets?limit=2&after=" + encode(first.get("nextCursor").asString()));

    List<String> seen = new ArrayList<>();
    first.get("items").forEach(t -> seen.add(t.get("id").asString()));
    rest.get("items").forEach(t -> seen.add(t.get("id").asString()));
    assertThat(seen).containsExactlyElementsOf(created);
    assertThat(rest.get("nextCursor").isNull()).isTrue();
  }

  @Test
  void pagesDeliveriesNewestFirstWithABeforeCursor() {
    String target =
        id(
            gateway.postApi(
                "/api/targets",
                "{\"url\":\"http://127.0.0.1:9/hooks\",\"conversation\":\"conv-paging\"}"));
    for (int i = 0; i < 3; i++) {
      assertThat(gateway.postWebhook(Fixtures.reply("paging-" + i, "conv-paging")).statusCode())
          .isEqualTo(200);
    }

    String path = "/api/deliveries?limit=2&targetId=" + target;
    JsonNode first = get(path);
    JsonNode rest = get(path + "&before=" + encode(first.get("nextCursor").asString()));

    assertThat(first.get("items")).hasSize(2);
    assertThat(rest.get("items")).hasSize(1);
    assertThat(rest.get("nextCursor").isNull()).isTrue();
    List<Long> seqs = new ArrayList<>();
    first.get("items").forEach(d -> seqs.add(d.get("messageSeq").asLong()));
    rest.get("items").forEach(d -> seqs.add(d.get("messageSeq").asLong()));
    assertThat(seqs).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> Long.compare(b, a));
  }

  @Test
  void refusesACursorItDidNotIssue() {
    HttpResponse<String> targets = gateway.getApi("/api/targets?after=not-a-cursor");
    HttpResponse<String> deliveries = gateway.getApi("/api/deliveries?before=bm90OmE6Y3Vyc29y");

    assertThat(targets.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(targets.body()).get("code").asString()).isEqualTo("invalid_cursor");
    assertThat(deliveries.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(deliveries.body()).get("code").asString()).isEqualTo("invalid_cursor");
  }

  private static JsonNode get(String path) {
    HttpResponse<String> answer = gateway.getApi(path);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private static String id(HttpResponse<String> created) {
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).get("id").asString();
  }

  private static String encode(String cursor) {
    return URLEncoder.encode(cursor, StandardCharsets.UTF_8);
  }
}
