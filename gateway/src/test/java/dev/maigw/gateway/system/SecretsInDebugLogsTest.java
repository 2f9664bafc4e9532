package dev.maigw.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.maigw.emulator.EmulatorConfig;
import dev.maigw.emulator.MaiAgentEmulator;
import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.GatewayProcess;
import dev.maigw.gateway.support.RunningGateway;
import dev.maigw.gateway.support.ScriptedReceiver;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * With every logger at DEBUG (Jetty's request parser, Apache HttpClient's header and wire logs,
 * Spring's request logging), a gateway that has been given each kind of secret and used them all
 * logs none of them: the API key, a webhook token (in the path), the metrics token, MaiAgent's API
 * key, a target's Authorization header and a credential in a target's URL.
 */
class SecretsInDebugLogsTest {

  private static final String WEBHOOK_TOKEN = "canaryWebhookToken0123456789abcdef";
  private static final String METRICS_TOKEN = "canaryMetricsToken0123456789";
  private static final String MAIAGENT_KEY = "canaryMaiAgentKey0123456789";
  private static final String TARGET_HEADER_TOKEN = "canaryTargetHeader0123456789";
  private static final String TARGET_URL_TOKEN = "canaryTargetUrlToken0123456789";

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dataDir;

  @Test
  void noSecretReachesTheLogAtDebug() throws Exception {
    int port = RunningGateway.freePort();
    Path log = dataDir.resolve("gateway.log");
    try (ScriptedReceiver receiver = new ScriptedReceiver();
        MaiAgentEmulator emulator =
            MaiAgentEmulator.start(
                EmulatorConfig.defaults()
                    .withPort(0)
                    .withApiKey(MAIAGENT_KEY)
                    .withReplyDelay(Duration.ofMillis(50))
                    .withWebhookUrl(
                        "http://127.0.0.1:" + port + "/maiagent/webhook/" + WEBHOOK_TOKEN));
        GatewayProcess gateway =
            GatewayProcess.start(
                dataDir.resolve("data"),
                port,
                log,
                "logging.level.root=DEBUG",
                "maigw.webhook.tokens=" + WEBHOOK_TOKEN,
                "maigw.metrics.token=" + METRICS_TOKEN,
                "maigw.bridge.base-url=" + emulator.baseUrl(),
                "maigw.bridge.api-key=" + MAIAGENT_KEY,
                "maigw.bridge.web-chat-id=web-chat-1",
                "maigw.delivery.forward-allow=127.0.0.1/32",
                "maigw.delivery.poll=50ms")) {
      String base = "http://127.0.0.1:" + port;
      String hook = receiver.url("/hook?token=" + TARGET_URL_TOKEN);
      HttpResponse<String> target =
          api(
              base + "/api/targets",
              "{\"name\":\"canary\",\"url\":\""
                  + hook
                  + "\",\"messageTypes\":[],\"headers\":{\"Authorization\":\"Bearer "
                  + TARGET_HEADER_TOKEN
                  + "\"}}");
      assertThat(target.statusCode()).isEqualTo(201);

      HttpResponse<String> webhook =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(base + "/maiagent/webhook/" + WEBHOOK_TOKEN))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.reply("canary-1", "c-1")))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(webhook.statusCode()).isEqualTo(200);

      HttpResponse<String> conversation = api(base + "/api/conversations", "{}");
      assertThat(conversation.statusCode()).isEqualTo(201);
      String id = JSON.readTree(conversation.body()).path("id").asString();
      HttpResponse<String> send =
          api(base + "/api/conversations/" + id + "/messages?wait=20", "{\"content\":\"hi\"}");
      assertThat(send.statusCode()).isEqualTo(200);

      HttpResponse<String> metrics =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                  .header("Authorization", "Bearer " + METRICS_TOKEN)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(metrics.statusCode()).isEqualTo(200);
      await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() >= 2);
      assertThat(gateway.terminate(Duration.ofSeconds(30))).isZero();
    }

    String written = Files.readString(log);
    // The canary only means something if the loggers that print headers really ran at DEBUG.
    assertThat(written)
        .contains(" DEBUG ")
        .contains("org.apache.hc.client5.http.headers")
        .contains("o.e.jetty");
    for (String secret :
        List.of(
            RunningGateway.API_KEY,
            WEBHOOK_TOKEN,
            METRICS_TOKEN,
            MAIAGENT_KEY,
            TARGET_HEADER_TOKEN,
            TARGET_URL_TOKEN)) {
      assertThat(written).as("the log holds " + secret).doesNotContain(secret);
    }
    assertThat(written)
        .as("what held a secret is still logged, masked")
        .contains(LogRedaction.MASK);
  }

  private static HttpResponse<String> api(String url, String body)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + RunningGateway.API_KEY)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
