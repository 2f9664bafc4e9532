package dev.maigw.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RawHttp;
import dev.maigw.gateway.support.RunningGateway;
import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Webhook tokens (path or header, two during rotation) and the source allow-list. */
@ExtendWith(OutputCaptureExtension.class)
class WebhookAuthenticationTest {

  private static final String CURRENT = "tok_CANARY_current_5f2b9c1e8d7a";
  private static final String PREVIOUS = "tok_CANARY_previous_91ab33cd0e2f";
  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    gateway = RunningGateway.start(Map.of("maigw.webhook.tokens", CURRENT + "," + PREVIOUS));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void acceptsTheTokenInThePath() {
    var response =
        gateway.post("/maiagent/webhook/" + CURRENT, Fixtures.reply("auth-path", "c"), JSON);
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void acceptsThePreviousTokenDuringRotation() {
    var response =
        gateway.post("/maiagent/webhook/" + PREVIOUS, Fixtures.reply("auth-previous", "c"), JSON);
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void acceptsTheTokenInTheHeader() {
    var response =
        gateway.post(
            "/maiagent/webhook",
            Fixtures.reply("auth-header", "c"),
            Map.of("Content-Type", "application/json", "X-Webhook-Token", CURRENT));
    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void refusesAMissingToken() {
    var response = gateway.post("/maiagent/webhook", Fixtures.reply("auth-none", "c"), JSON);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("\"code\":\"unauthorized\"");
  }

  @Test
  void refusesAWrongTokenWithoutQuarantiningOrEchoingIt(CapturedOutput output) {
    String wrong = CURRENT.substring(0, CURRENT.length() - 1) + "X";
    var response = gateway.post("/maiagent/webhook/" + wrong, "not json".getBytes(), JSON);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).doesNotContain(wrong);
    assertThat(gateway.getApi("/api/quarantine").body()).doesNotContain("not json");
    assertThat(output.getAll()).doesNotContain(wrong);
  }

  @Test
  void neverLogsTheTokens(CapturedOutput output) {
    gateway.post("/maiagent/webhook/" + CURRENT, Fixtures.reply("auth-log", "c"), JSON);
    gateway.post("/maiagent/webhook/" + CURRENT, "{bad".getBytes(), JSON);

    assertThat(output.getAll()).contains("id=auth-log").doesNotContain("CANARY");
  }

  @Test
  void refusesTokensShorterThan128Bits() {
    assertThatThrownBy(() -> RunningGateway.start(Map.of("maigw.webhook.tokens", "short")))
        .hasStackTraceContaining(
            "MAIGW_WEBHOOK_TOKENS: an entry has 5 characters, fewer than the 22 needed");
  }

  @Test
  void refusesASourceOutsideTheAllowList() {
    try (RunningGateway allowList =
        RunningGateway.start(Map.of("maigw.webhook.allowed-sources", "127.0.0.1/32"))) {
      byte[] body = Fixtures.reply("allow-1", "conv-allow");
      String head =
          "POST /maiagent/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "Content-Length: "
              + body.length
              + "\r\nConnection: close\r\n\r\n";

      int fromOther = RawHttp.exchange(address("127.0.0.2"), allowList.port(), head, body, 5_000);
      int fromAllowed = RawHttp.exchange(address("127.0.0.1"), allowList.port(), head, body, 5_000);

      assertThat(fromOther).isEqualTo(403);
      assertThat(fromAllowed).isEqualTo(200);
    }
  }

  private static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
