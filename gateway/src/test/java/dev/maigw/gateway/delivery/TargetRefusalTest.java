package dev.maigw.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.RunningGateway;
import dev.maigw.gateway.support.StaticDns;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A target whose URL no delivery could ever reach is refused when it is created or changed, with
 * the rule the outbound client applies at every attempt, instead of being accepted and left pending
 * for days.
 */
class TargetRefusalTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    gateway =
        RunningGateway.startWith(
            Map.of("maigw.delivery.forward-allow", "10.9.0.0/16"), StaticDns.Override.class);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void refusesALoopbackAddressWith422NamingTheAllowListAndTheEntriesToAdd() {
    HttpResponse<String> answer = create("http://127.0.0.1:9000/hooks");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(answer.body());
    assertThat(problem.get("code").asString()).isEqualTo("target_url_not_allowed");
    assertThat(problem.get("status").asInt()).isEqualTo(422);
    assertThat(problem.get("detail").asString())
        .isEqualTo(
            "The target URL's host 127.0.0.1 is in 127.0.0.0/8, not a public address, so nothing"
                + " could ever be delivered there. To forward to it anyway, add '127.0.0.1' or"
                + " '127.0.0.1:9000' to MAIGW_FORWARD_ALLOW (comma-separated) and restart the"
                + " gateway.");
    assertThat(problem.get("allowEntries").get(1).asString()).isEqualTo("127.0.0.1:9000");
    assertThat(gateway.getApi("/api/targets").body()).doesNotContain("127.0.0.1:9000");
  }

  @Test
  void refusesANameThatResolvesToLoopback() {
    HttpResponse<String> answer = create("https://loopback.test/hooks?token=secret-in-query");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
    assertThat(detail(answer))
        .startsWith("The target URL's host loopback.test resolves to 127.0.0.1 in 127.0.0.0/8")
        .contains("'loopback.test:443'")
        .doesNotContain("secret-in-query");
  }

  @Test
  void refusesANameWithOnePrivateAnswerAmongPublicOnes() {
    HttpResponse<String> answer = create("https://mixed.test/hooks");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
    assertThat(detail(answer)).contains("resolves to 192.168.1.20 in 192.168.0.0/16");
  }

  @Test
  void refusesCloudMetadataAndNamesTheMetadataPrefix() {
    HttpResponse<String> literal = create("http://169.254.169.254/latest/meta-data");
    HttpResponse<String> named = create("http://metadata.test/latest/meta-data");

    assertThat(literal.statusCode()).isEqualTo(422);
    assertThat(detail(literal))
        .contains("a cloud metadata address")
        .contains("'metadata:169.254.169.254'");
    assertThat(named.statusCode()).isEqualTo(422);
  }

  @Test
  void refusesANat64AddressThatWrapsLoopback() {
    HttpResponse<String> answer = create("http://[64:ff9b::7f00:1]:8080/hooks");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
    assertThat(detail(answer)).contains("wrapping 127.0.0.1").contains("MAIGW_FORWARD_ALLOW");
  }

  @Test
  void refusesAChangeToAPrivateAddressAndKeepsTheTarget() {
    String id = JSON.readTree(create("https://public.test/hooks").body()).get("id").asString();

    HttpResponse<String> changed =
        send("PUT", "/api/targets/" + id, "{\"url\":\"http://intranet.test:8080/hooks\"}");

    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(422);
    assertThat(detail(changed)).contains("10.0.0.7").contains("'intranet.test:8080'");
    JsonNode kept = JSON.readTree(gateway.getApi("/api/targets/" + id).body());
    assertThat(kept.get("url").asString()).isEqualTo("https://public.test/hooks");
  }

  @Test
  void acceptsAPrivateAddressTheAllowListOpens() {
    assertThat(create("http://10.9.1.1:8080/hooks").statusCode()).isEqualTo(201);
  }

  @Test
  void acceptsANameThatDoesNotResolveYet() {
    assertThat(create("https://not-yet-published.test/hooks").statusCode()).isEqualTo(201);
  }

  private static HttpResponse<String> create(String url) {
    return gateway.postApi("/api/targets", "{\"url\":\"" + url + "\"}");
  }

  private static String detail(HttpResponse<String> answer) {
    return JSON.readTree(answer.body()).get("detail").asString();
  }

  private static HttpResponse<String> send(String method, String path, String json) {
    return RunningGateway.send(
        HttpRequest.newBuilder(URI.create(gateway.url(path)))
            .header("Authorization", "Bearer " + RunningGateway.API_KEY)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build());
  }
}
