package dev.maigw.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maigw.emulator.system.ConfigurationException;
import dev.maigw.emulator.testing.ApiClient;
import dev.maigw.emulator.testing.Emulators;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MaiAgentEmulatorTest {

  @Test
  void startsQuicklyOnAFreeLoopbackPort() {
    long started = System.nanoTime();
    try (MaiAgentEmulator emulator =
        MaiAgentEmulator.start(Emulators.fast("http://127.0.0.1:9/hook"))) {
      Duration startup = Duration.ofNanos(System.nanoTime() - started);

      assertThat(startup).isLessThan(Duration.ofSeconds(2));
      assertThat(emulator.port()).isPositive();
      assertThat(emulator.origin()).isEqualTo("http://127.0.0.1:" + emulator.port());
    }
  }

  @Test
  void baseUrlEndsWithApiV1AndTrailingSlash() {
    try (MaiAgentEmulator emulator =
        MaiAgentEmulator.start(Emulators.fast("http://127.0.0.1:9/hook"))) {
      assertThat(emulator.baseUrl().toString())
          .isEqualTo("http://127.0.0.1:" + emulator.port() + "/api/v1/");
    }
  }

  @Test
  void refusesANonLoopbackWebhookUrlWithAClearMessage() {
    assertThatThrownBy(() -> EmulatorConfig.defaults().withWebhookUrl("http://example.com/hook"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("MAIAGENT_EMULATOR_WEBHOOK_URL must point at a loopback address")
        .hasMessageContaining("http://example.com/hook");
  }

  @Test
  void refusesToBindANonLoopbackAddress() {
    assertThatThrownBy(() -> EmulatorConfig.defaults().withHost("0.0.0.0"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("MAIAGENT_EMULATOR_HOST must be a loopback address");
  }

  @Test
  void stopsAnsweringAfterClose() {
    MaiAgentEmulator emulator = MaiAgentEmulator.start(Emulators.fast("http://127.0.0.1:9/hook"));
    ApiClient api = new ApiClient(emulator);
    assertThat(api.get("inboxes/").statusCode()).isEqualTo(200);

    emulator.close();

    assertThatThrownBy(() -> api.get("inboxes/")).isInstanceOf(UncheckedIOException.class);
  }
}
