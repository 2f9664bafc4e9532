package dev.maigw.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RawHttp;
import dev.maigw.gateway.support.RunningGateway;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bad-input checklist ({@code docs/reliability.md} §c, cases 11, 16–24, 27–41) against the real
 * endpoint: each case gets its documented status, and every authenticated body that is refused is
 * kept byte-exact in quarantine.
 */
class WebhookBadInputTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    gateway = RunningGateway.start(Map.of("server.jetty.connection-idle-timeout", "2s"));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  static Stream<Arguments> unreadableBodies() {
    String valid = new String(Fixtures.reply("x-1", "conv-bad"), StandardCharsets.UTF_8);
    return Stream.of(
        // case 11: message id empty, missing, too long
        body("11 empty id", valid.replace("\"x-1\"", "\"\""), 422, "invalid_id"),
        body("11 missing id", valid.replace("\"id\":\"x-1\",", ""), 422, "missing_field"),
        body("11 id over 256 chars", valid.replace("x-1", "i".repeat(257)), 422, "invalid_id"),
        // case 29: raw control byte inside a string
        body("29 raw newline in string", valid.replace("您好", "您\n好"), 400, "malformed_json"),
        // case 30: invalid and overlong UTF-8
        bytes("30 invalid UTF-8", withBytes(valid, "您好", 0xC3, 0x28), 400, "invalid_encoding"),
        bytes("30 overlong UTF-8", withBytes(valid, "您好", 0xC0, 0xAF), 400, "invalid_encoding"),
        // case 31, 32: empty body, top level not an object
        body("31 empty body", "", 400, "empty_body"),
        body("32 top-level null", "null", 400, "not_an_object"),
        body("32 top-level number", "42", 400, "not_an_object"),
        body("32 top-level string", "\"hello\"", 400, "not_an_object"),
        body("32 top-level array", "[" + valid + "]", 400, "not_an_object"),
        // case 33: trailing garbage, two documents
        body("33 trailing garbage", valid + " xyz", 400, "malformed_json"),
        body("33 two documents", valid + valid, 400, "malformed_json"),
        // case 34: duplicate keys
        body(
            "34 duplicate id key",
            valid.replace("{\"id\":\"x-1\"", "{\"id\":\"a\",\"id\":\"b\""),
            400,
            "duplicate_key"),
        // case 35, 36: nesting depth, huge number, huge name
        body("35 nesting 10000 deep", "[".repeat(10_000), 400, "limit_exceeded"),
        body(
            "36 1500-digit number",
            valid.replace("\"feedback\":null", "\"feedback\":" + "9".repeat(1500)),
            400,
            "limit_exceeded"),
        body(
            "36 100 kB property name",
            valid.replace("\"feedback\"", "\"" + "n".repeat(100_000) + "\""),
            400,
            "limit_exceeded"),
        // case 38: NaN, comments, single quotes
        body(
            "38 NaN",
            valid.replace("\"feedback\":null", "\"feedback\":NaN"),
            400,
            "malformed_json"),
        body("38 comment", valid.replace("{\"id\"", "{/* c */\"id\""), 400, "malformed_json"),
        body("38 single quotes", valid.replace("\"x-1\"", "'x-1'"), 400, "malformed_json"),
        // case 39: required field missing or of an impossible type
        body(
            "39 missing conversation",
            valid.replace("\"conversation\":\"conv-bad\",", ""),
            422,
            "missing_field"),
        body(
            "39 content is an object",
            valid.replaceFirst("\"content\":\"[^\"]*\"", "\"content\":{\"text\":\"hi\"}"),
            422,
            "invalid_field"),
        // case 41: id with control characters
        body(
            "41 id with CR LF",
            valid.replace("\"x-1\"", "\"x-1\\r\\nFAKE LOG LINE\""),
            422,
            "invalid_id"),
        body(
            "41 id with ANSI escape",
            valid.replace("\"x-1\"", "\"x-1\\u001b[31m\""),
            422,
            "invalid_id"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadableBodies")
  void refusesAndQuarantinesUnreadableBody(String name, byte[] body, int status, String code) {
    HttpResponse<String> response = gateway.postWebhook(body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("code").asString()).isEqualTo(code);
    assertThat(problem.get("detail").asString()).isNotBlank();
    long quarantineId = problem.get("quarantineId").asLong();
    assertThat(gateway.getApiBytes("/api/quarantine/" + quarantineId + "/raw")).isEqualTo(body);
  }

  static Stream<Arguments> oddButValidBodies() {
    String valid = new String(Fixtures.reply("PLACEHOLDER", "conv-odd"), StandardCharsets.UTF_8);
    return Stream.of(
        body("27 lone surrogate escape", valid.replace("您好", "\\ud800"), 200, "27"),
        body("28 NUL escape", valid.replace("您好", "a\\u0000b"), 200, "28"),
        body(
            "37 1e999999999 in an opaque field",
            valid.replace("\"feedback\":null", "\"feedback\":1e999999999"),
            200,
            "37"),
        body(
            "40 script tag in content",
            valid.replace("您好", "<script>alert(1)</script>"),
            200,
            "40a"),
        body(
            "40 img onerror in sender name",
            valid.replace("客服小幫手", "\\\"><img src=x onerror=alert(1)>"),
            200,
            "40b"),
        body(
            "40 javascript url avatar",
            valid.replace("https://media.example.com/a.png", "javascript:alert(1)"),
            200,
            "40c"),
        body(
            "41 CR LF and jndi in content",
            valid.replace("您好", "line1\\r\\nline2 ${jndi:ldap://x/a} \\u001b[31m"),
            200,
            "41"),
        body("UTF-8 BOM before the body", "\uFEFF" + valid, 200, "bom"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oddButValidBodies")
  void storesOddButValidBodyByteForByte(String name, byte[] template, int status, String tag) {
    String id = "odd-" + tag;
    byte[] body =
        new String(template, StandardCharsets.UTF_8)
            .replace("PLACEHOLDER", id)
            .getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> response = gateway.postWebhook(body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(gateway.getApiBytes("/api/messages/" + id + "/raw")).isEqualTo(body);
    // The API embeds the stored body; it must still be valid JSON.
    JsonNode view = JSON.readTree(gateway.getApiBytes("/api/messages/" + id));
    assertThat(view.get("body").get("id").asString()).isEqualTo(id);
  }

  @Test
  void keepsTheConnectionUsableAfterRefusingABody() {
    // Both requests on one keep-alive connection: a refusal must end its exchange cleanly.
    String refused =
        "POST /maiagent/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: 2\r\n\r\n[]";
    String next =
        "GET /actuator/health/liveness HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";

    List<Integer> statuses = RawHttp.exchangeTwice(gateway.port(), refused, next, 5_000);

    assertThat(statuses).containsExactly(400, 200);
  }

  @Test
  void refusesADeclaredTenMebibyteBodyWithoutReadingIt() {
    String head =
        "POST /maiagent/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: 10485760\r\n\r\n";
    assertThat(RawHttp.exchange(gateway.port(), head, null, 5_000)).isEqualTo(413);
  }

  @Test
  void refusesADeclaredTenMebibyteBodyThatExpectsContinue() {
    String head =
        "POST /maiagent/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: 10485760\r\nExpect: 100-continue\r\n\r\n";
    assertThat(RawHttp.exchange(gateway.port(), head, null, 5_000)).isEqualTo(413);
  }

  @Test
  void refusesAChunkedBodyThatGrowsPastTheLimit() {
    ByteArrayOutputStream chunks = new ByteArrayOutputStream();
    byte[] chunk = "x".repeat(65_536).getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < 20; i++) {
      chunks.writeBytes("10000\r\n".getBytes(StandardCharsets.US_ASCII));
      chunks.writeBytes(chunk);
      chunks.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    chunks.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    String head =
        "POST /maiagent/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n";

    assertThat(RawHttp.exchange(gateway.port(), head, chunks.toByteArray(), 10_000)).isEqualTo(413);
  }

  @Test
  void answersATruncatedBodyWithRequestTimeout() {
    String head =
        "POST /maiagent/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: 100\r\n\r\n";
    byte[] half = "{\"id\":\"half\",\"conversation\":\"c\",".repeat(2).substring(0, 50).getBytes();

    long start = System.nanoTime();
    int status = RawHttp.exchange(gateway.port(), head, half, 15_000);

    assertThat(status).isEqualTo(408);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(12));
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain", ""})
  void readsAnyMediaTypeWhenNotStrict(String contentType) {
    String id = "media-" + (contentType.isEmpty() ? "none" : "text");
    Map<String, String> headers =
        contentType.isEmpty() ? Map.of() : Map.of("Content-Type", contentType);

    HttpResponse<String> response =
        gateway.post("/maiagent/webhook", Fixtures.reply(id, "conv-media"), headers);

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void refusesOnlyJsonMediaTypeInStrictMode() {
    try (RunningGateway strict =
        RunningGateway.start(Map.of("maigw.webhook.strict-content-type", "true"))) {
      byte[] body = Fixtures.reply("strict-1", "conv-strict");

      assertThat(
              strict
                  .post("/maiagent/webhook", body, Map.of("Content-Type", "text/plain"))
                  .statusCode())
          .isEqualTo(415);
      assertThat(strict.post("/maiagent/webhook", body, Map.of()).statusCode()).isEqualTo(415);
      assertThat(strict.postWebhook(body).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void refusesACompressedBody() {
    HttpResponse<String> response =
        gateway.post(
            "/maiagent/webhook",
            Fixtures.reply("gzip-1", "conv-gzip"),
            Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"));

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(JSON.readTree(response.body()).get("code").asString())
        .isEqualTo("unsupported_media_type");
  }

  @Test
  void refusesAnotherCharset() {
    HttpResponse<String> response =
        gateway.post(
            "/maiagent/webhook",
            Fixtures.reply("latin1-1", "conv-charset"),
            Map.of("Content-Type", "application/json; charset=ISO-8859-1"));

    assertThat(response.statusCode()).isEqualTo(415);
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "PUT", "DELETE", "PATCH"})
  void refusesOtherMethodsWithMethodNotAllowed(String method) {
    HttpResponse<String> response =
        RunningGateway.send(
            HttpRequest.newBuilder(URI.create(gateway.url("/maiagent/webhook")))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(JSON.readTree(response.body()).get("code").asString())
        .isEqualTo("method_not_allowed");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/maiagent/webhooks",
        "/maiagent",
        "/maiagent/webhook/some-token",
        "/maiagent/webhook/a/b",
        "/maiagent/webhook/../../etc/passwd",
        "/maiagent/webhook/..%2F..%2Fetc"
      })
  void answersUnknownPathsWithNotFound(String path) {
    String head =
        "POST "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: 2\r\nConnection: close\r\n\r\n";
    int status = RawHttp.exchange(gateway.port(), head, "{}".getBytes(), 5_000);

    // Tomcat itself refuses an encoded slash (400) before routing; both mean "not here".
    assertThat(status).isIn(404, 400);
    if (!path.contains("%2F")) {
      assertThat(status).isEqualTo(404);
    }
  }

  @Test
  void refusesOversizedHeaders() {
    String big = "X-Big: " + "a".repeat(65_536) + "\r\n";
    String head =
        "POST /maiagent/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + big
            + "Content-Length: 2\r\n\r\n";

    assertThat(RawHttp.exchange(gateway.port(), head, "{}".getBytes(), 5_000)).isEqualTo(431);
  }

  @Test
  void refusesTwoHundredHeaders() {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      many.append("X-Header-").append(i).append(": ").append("v".repeat(100)).append("\r\n");
    }
    String head =
        "POST /maiagent/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + many
            + "Content-Length: 2\r\n\r\n";

    assertThat(RawHttp.exchange(gateway.port(), head, "{}".getBytes(), 5_000)).isEqualTo(431);
  }

  @Test
  void refusesBothContentLengthAndTransferEncoding() {
    String head =
        "POST /maiagent/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n";

    assertThat(RawHttp.exchange(gateway.port(), head, "0\r\n\r\n".getBytes(), 5_000))
        .isEqualTo(400);
  }

  @Test
  void acknowledgesUnreadableBodiesUnderTheAcknowledgePolicy() {
    try (RunningGateway lenient =
        RunningGateway.start(Map.of("maigw.webhook.malformed-policy", "acknowledge"))) {
      byte[] body = "{\"id\":".getBytes(StandardCharsets.UTF_8);

      HttpResponse<String> response = lenient.postWebhook(body);

      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode answer = JSON.readTree(response.body());
      assertThat(answer.get("status").asString()).isEqualTo("quarantined");
      JsonNode kept =
          JSON.readTree(
              lenient.getApiBytes("/api/quarantine/" + answer.get("quarantineId").asLong()));
      assertThat(kept.get("code").asString()).isEqualTo("malformed_json");
      assertThat(Base64.getDecoder().decode(kept.get("bodyBase64").asString())).isEqualTo(body);
    }
  }

  @Test
  void refusesNewBodiesOnceTheQuarantineIsFull() {
    try (RunningGateway small = RunningGateway.start(Map.of("maigw.quarantine.max-rows", "2"))) {
      small.postWebhook("[1]".getBytes());
      small.postWebhook("[2]".getBytes());

      HttpResponse<String> third = small.postWebhook("[3]".getBytes());
      HttpResponse<String> repeat = small.postWebhook("[1]".getBytes());

      assertThat(third.statusCode()).isEqualTo(503);
      assertThat(third.headers().firstValue("Retry-After")).isPresent();
      assertThat(JSON.readTree(third.body()).get("code").asString()).isEqualTo("quarantine_full");
      assertThat(repeat.statusCode()).as("a known body is only counted again").isEqualTo(400);
    }
  }

  private static Arguments body(String name, String body, int status, String code) {
    return Arguments.of(name, body.getBytes(StandardCharsets.UTF_8), status, code);
  }

  private static Arguments bytes(String name, byte[] body, int status, String code) {
    return Arguments.of(name, body, status, code);
  }

  /** {@code text} as UTF-8 with {@code marker} replaced by raw bytes. */
  private static byte[] withBytes(String text, String marker, int... raw) {
    int at = text.indexOf(marker);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
    for (int b : raw) {
      out.write(b);
    }
    out.writeBytes(text.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
