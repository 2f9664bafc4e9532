package dev.maigw.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.RunningGateway;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** An open webhook on a non-loopback address is announced at start; loopback stays quiet. */
@ExtendWith(OutputCaptureExtension.class)
class OpenWebhookWarningTest {

  private static final String WARNING = "The webhook is open to anyone who can reach";

  @Test
  void warnsWhenListeningOnEveryInterfaceWithoutTokens(CapturedOutput output) {
    try (RunningGateway gateway = RunningGateway.start(Map.of("server.address", "0.0.0.0"))) {
      assertThat(gateway.port()).isPositive();
      assertThat(output.getOut()).contains(WARNING + " 0.0.0.0: set MAIGW_WEBHOOK_TOKENS");
    }
  }

  @Test
  void staysQuietOnLoopbackOrWithTokens(CapturedOutput output) {
    try (RunningGateway loopback = RunningGateway.start();
        RunningGateway withTokens =
            RunningGateway.start(
                Map.of(
                    "server.address", "0.0.0.0",
                    "maigw.webhook.tokens", "a-token-of-enough-length-1234"))) {
      assertThat(loopback.port()).isNotEqualTo(withTokens.port());
      assertThat(output.getOut()).doesNotContain(WARNING);
    }
  }

  @Test
  void tellsLoopbackFromOtherAddresses() {
    assertThat(OpenWebhookWarning.isLoopback("127.0.0.1")).isTrue();
    assertThat(OpenWebhookWarning.isLoopback("::1")).isTrue();
    assertThat(OpenWebhookWarning.isLoopback("0.0.0.0")).isFalse();
    assertThat(OpenWebhookWarning.isLoopback("")).isFalse();
  }
}
