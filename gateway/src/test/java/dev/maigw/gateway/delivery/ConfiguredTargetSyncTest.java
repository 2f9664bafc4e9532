package dev.maigw.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import dev.maigw.gateway.support.ScriptedReceiver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Targets declared in configuration are created at start and updated by name on the next. */
class ConfiguredTargetSyncTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void createsDeclaredTargetsAndUpdatesThemByNameOnRestart() throws Exception {
    String secret = SigningSecret.generate();
    Path dataDir = Files.createTempDirectory("maigw-configured-");
    try (ScriptedReceiver first = new ScriptedReceiver();
        ScriptedReceiver second = new ScriptedReceiver()) {
      try (RunningGateway gateway =
          RunningGateway.startOn(dataDir, settings(first.url(), secret))) {
        gateway.postWebhook(Fixtures.reply("cfg-1", "conv-cfg"));

        await().atMost(Duration.ofSeconds(15)).until(() -> first.received().size() == 1);
        ScriptedReceiver.Received got = first.received().get(0);
        new Webhook(secret).verify(new String(got.body(), StandardCharsets.UTF_8), got.headers());
      }

      try (RunningGateway gateway =
          RunningGateway.startOn(dataDir, settings(second.url(), secret))) {
        JsonNode targets = JSON.readTree(gateway.getApi("/api/targets").body()).get("items");
        assertThat(targets).hasSize(1);
        assertThat(targets.get(0).get("url").asString()).isEqualTo(second.url());
        assertThat(targets.get(0).get("ordered").asBoolean()).isTrue();

        gateway.postWebhook(Fixtures.reply("cfg-2", "conv-cfg"));
        await().atMost(Duration.ofSeconds(15)).until(() -> second.received().size() == 1);
      }
    }
  }

  private static Map<String, String> settings(String url, String secret) {
    Map<String, String> settings = new HashMap<>();
    settings.put("maigw.delivery.forward-allow", "127.0.0.1/32");
    settings.put("maigw.delivery.poll", "50ms");
    settings.put("maigw.targets[0].name", "crm");
    settings.put("maigw.targets[0].url", url);
    settings.put("maigw.targets[0].secret", secret);
    settings.put("maigw.targets[0].ordered", "true");
    return settings;
  }
}
