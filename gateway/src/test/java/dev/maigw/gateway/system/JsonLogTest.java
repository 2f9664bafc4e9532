package dev.maigw.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.GatewayProcess;
import dev.maigw.gateway.support.RunningGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code MAIGW_LOG_FORMAT=json}: every line a real gateway process prints is one JSON object, and
 * the webhook and delivery lines carry their key fields as JSON fields.
 */
class JsonLogTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String TOKEN = "tok_json_log_0123456789abcdef";

  @TempDir Path dir;

  @Test
  void printsEveryLineAsJsonWithTheRefusalAndDeliveryFields() throws Exception {
    Path log = dir.resolve("gateway.log");
    int closedPort = RunningGateway.freePort();
    try (GatewayProcess gateway =
        GatewayProcess.start(
            Files.createDirectories(dir.resolve("data")),
            RunningGateway.freePort(),
            log,
            "maigw.log-format=json",
            "maigw.webhook.tokens=" + TOKEN,
            "maigw.delivery.forward-allow=127.0.0.1/32")) {
      String base = "http://127.0.0.1:" + gateway.port();
      assertThat(post(base + "/maiagent/webhook/wrong-token-of-enough-length", "{}", null))
          .isEqualTo(401);
      assertThat(
              post(
                  base + "/api/targets",
                  "{\"name\":\"json-log\",\"url\":\"http://127.0.0.1:" + closedPort + "/hook\"}",
                  RunningGateway.API_KEY))
          .isEqualTo(201);
      byte[] reply = Fixtures.reply("json-log-1", "conv-json");
      assertThat(
              post(
                  base + "/maiagent/webhook/" + TOKEN,
                  new String(reply, StandardCharsets.UTF_8),
                  null))
          .isEqualTo(200);

      JsonNode refusal = awaitLine(log, line -> "401".equals(field(line, "status")));
      JsonNode delivery = awaitLine(log, line -> "delivery.attempt".equals(field(line, "event")));

      assertThat(refusal.at("/log/level").asString()).isEqualTo("INFO");
      assertThat(refusal.at("/log/logger").asString()).isEqualTo("maigw.webhook");
      assertThat(refusal.get("message").asString()).contains("status=401 code=unauthorized");
      assertThat(field(refusal, "event")).isEqualTo("webhook");
      assertThat(field(refusal, "code")).isEqualTo("unauthorized");
      assertThat(field(refusal, "outcome")).isEqualTo("rejected");
      assertThat(refusal.at("/maigw/bytes").isNumber()).isTrue();
      assertThat(field(delivery, "outcome")).isEqualTo("retry");
      assertThat(field(delivery, "messageId")).isEqualTo("json-log-1");
      assertThat(field(delivery, "target")).isEqualTo("json-log");
      assertThat(field(delivery, "error")).isEqualTo("connect_refused");
      assertThat(field(delivery, "attempt")).isEqualTo("1");
      assertThat(field(delivery, "nextAttemptAt")).isNotNull();
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertThat(lines).hasSizeGreaterThan(5);
    for (String line : lines) {
      JsonNode json = JSON.readTree(line);
      assertThat(json.isObject()).as(line).isTrue();
      assertThat(json.at("/log/level").isString()).as(line).isTrue();
      assertThat(json.at("/log/logger").isString()).as(line).isTrue();
      assertThat(json.get("message")).as(line).isNotNull();
    }
    assertThat(String.join("\n", lines)).doesNotContain(TOKEN);
  }

  @Test
  void refusesAnUnknownFormatWithOneSentence() throws Exception {
    Path log = dir.resolve("refused.log");
    int exitCode =
        GatewayProcess.startExpectingExit(
            Files.createDirectories(dir.resolve("data")),
            RunningGateway.freePort(),
            log,
            "maigw.log-format=xml");

    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(exitCode).isNotZero();
    assertThat(output)
        .contains("MAIGW_LOG_FORMAT: 'xml' is not a log format. Fix: use plain (the default) or")
        .doesNotContain("\tat ");
  }

  /** A field of the gateway's own, as text; null when the line has none. */
  private static String field(JsonNode line, String name) {
    JsonNode value = line.at("/maigw/" + name);
    return value.isMissingNode() || value.isNull() ? null : value.asString();
  }

  private static JsonNode awaitLine(Path log, Predicate<JsonNode> wanted) {
    await().atMost(Duration.ofSeconds(30)).until(() -> find(log, wanted).isPresent());
    return find(log, wanted).orElseThrow();
  }

  private static Optional<JsonNode> find(Path log, Predicate<JsonNode> wanted) {
    try {
      return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
          .filter(line -> line.startsWith("{") && line.endsWith("}"))
          .map(JSON::readTree)
          .filter(wanted)
          .findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int post(String url, String body, String apiKey) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
