package dev.maigw.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maigw.emulator.access.SlashlessMode;
import dev.maigw.emulator.system.ConfigurationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmulatorSettingsTest {

  @Test
  void defaultsMatchTheDocumentedValues() {
    EmulatorConfig config = EmulatorSettings.read(Map.of(), List.of());

    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(8090);
    assertThat(config.apiKey()).isEqualTo("emulator-key");
    assertThat(config.webhookUrl()).hasToString("http://127.0.0.1:8080/maiagent/webhook");
    assertThat(config.replyDelay()).isEqualTo(Duration.ofMillis(200));
    assertThat(config.retrySchedule().delays())
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30));
    assertThat(config.slashless()).isEqualTo(SlashlessMode.NOT_FOUND);
  }

  @Test
  void readsEnvironmentVariables() {
    EmulatorConfig config =
        EmulatorSettings.read(
            Map.of(
                "MAIAGENT_EMULATOR_PORT", "9100",
                "MAIAGENT_EMULATOR_API_KEY", "abc123",
                "MAIAGENT_EMULATOR_WEBHOOK_URL", "http://localhost:7000/hook",
                "MAIAGENT_EMULATOR_REPLY_DELAY_MS", "5",
                "MAIAGENT_EMULATOR_RETRY_DELAYS_MS", "10, 20",
                "MAIAGENT_EMULATOR_SLASHLESS", "301"),
            List.of());

    assertThat(config.port()).isEqualTo(9100);
    assertThat(config.apiKey()).isEqualTo("abc123");
    assertThat(config.webhookUrl()).hasToString("http://localhost:7000/hook");
    assertThat(config.replyDelay()).isEqualTo(Duration.ofMillis(5));
    assertThat(config.retrySchedule().delays())
        .containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
    assertThat(config.slashless()).isEqualTo(SlashlessMode.REDIRECT);
  }

  @Test
  void flagsWinOverEnvironmentInBothSpellings() {
    EmulatorConfig config =
        EmulatorSettings.read(
            Map.of("MAIAGENT_EMULATOR_PORT", "9100"),
            List.of("--port", "9200", "--webhook-url=http://[::1]:7000/hook"));

    assertThat(config.port()).isEqualTo(9200);
    assertThat(config.webhookUrl()).hasToString("http://[::1]:7000/hook");
  }

  @Test
  void emptyRetryScheduleMeansASingleAttempt() {
    EmulatorConfig config =
        EmulatorSettings.read(Map.of("MAIAGENT_EMULATOR_RETRY_DELAYS_MS", ""), List.of());

    assertThat(config.retrySchedule().maxAttempts()).isEqualTo(1);
  }

  @Test
  void refusesAWebhookUrlOffThisMachine() {
    assertThatThrownBy(
            () ->
                EmulatorSettings.read(
                    Map.of("MAIAGENT_EMULATOR_WEBHOOK_URL", "http://10.0.0.5:8080/hook"),
                    List.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("loopback")
        .hasMessageContaining("http://10.0.0.5:8080/hook");
  }

  @Test
  void refusesUnknownFlagsAndBadNumbers() {
    assertThatThrownBy(() -> EmulatorSettings.read(Map.of(), List.of("--colour", "red")))
        .hasMessage("Unknown flag --colour; see --help");
    assertThatThrownBy(() -> EmulatorSettings.read(Map.of(), List.of("--port=eighty")))
        .hasMessage("MAIAGENT_EMULATOR_PORT must be an integer: eighty");
  }

  @Test
  void usageListsEverySetting() {
    assertThat(EmulatorSettings.usage())
        .contains("MAIAGENT_EMULATOR_PORT", "--retry-delays-ms", "1000,5000,30000");
  }
}
