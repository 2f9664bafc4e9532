package dev.maigw.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import dev.maigw.gateway.support.ScriptedReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.json.JsonMapper;

/** One log line per delivery attempt, naming the delivery, its message, target and outcome. */
@ExtendWith(OutputCaptureExtension.class)
class DeliveryLogTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration PATIENCE = Duration.ofSeconds(15);
  private static final String INSTANT = "\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z";
  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    gateway =
        RunningGateway.start(
            Map.of(
                "maigw.delivery.forward-allow", "127.0.0.1/32",
                "maigw.delivery.retry-schedule", "0s,100ms,100ms",
                "maigw.delivery.jitter", "0",
                "maigw.delivery.poll", "50ms"));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void logsADeliveredAttempt(CapturedOutput output) {
    try (ScriptedReceiver receiver = new ScriptedReceiver()) {
      createTarget("log-ok", receiver.url(), "conv-log-ok");
      gateway.postWebhook(Fixtures.reply("log-ok-1", "conv-log-ok"));
      await().atMost(PATIENCE).until(() -> receiver.received().size() == 1);
      String id = receiver.received().get(0).header("webhook-id");

      String line = awaitLine(output, "outcome=delivered deliveryId=" + id);

      assertThat(line)
          .matches(
              ".* INFO .* maigw\\.delivery +: event=delivery\\.attempt outcome=delivered"
                  + " deliveryId="
                  + id
                  + " messageId=log-ok-1 target=log-ok attempt=1 status=200 error=-"
                  + " durationMs=\\d+ nextAttemptAt=-$");
    }
  }

  @Test
  void logsARetryWithTheStatusAndWhenTheNextAttemptIsDue(CapturedOutput output) {
    try (ScriptedReceiver receiver = new ScriptedReceiver().then(500)) {
      createTarget("log-retry", receiver.url(), "conv-log-retry");
      gateway.postWebhook(Fixtures.reply("log-retry-1", "conv-log-retry"));
      await().atMost(PATIENCE).until(() -> receiver.received().size() == 2);
      String id = receiver.received().get(0).header("webhook-id");

      String retry = awaitLine(output, "outcome=retry deliveryId=" + id);
      String delivered = awaitLine(output, "outcome=delivered deliveryId=" + id);

      assertThat(retry)
          .contains(" INFO ")
          .matches(
              ".*messageId=log-retry-1 target=log-retry attempt=1 status=500 error=-"
                  + " durationMs=\\d+ nextAttemptAt="
                  + INSTANT
                  + "$");
      assertThat(delivered).contains("attempt=2 status=200");
    }
  }

  @Test
  void logsADeadDeliveryAsAWarning(CapturedOutput output) {
    try (ScriptedReceiver receiver = new ScriptedReceiver().otherwise(500)) {
      createTarget("log-dead", receiver.url(), "conv-log-dead");
      gateway.postWebhook(Fixtures.reply("log-dead-1", "conv-log-dead"));
      await().atMost(PATIENCE).until(() -> receiver.received().size() == 3);
      String id = receiver.received().get(0).header("webhook-id");

      String dead = awaitLine(output, "outcome=dead deliveryId=" + id);

      assertThat(dead)
          .contains(" WARN ")
          .matches(
              ".*messageId=log-dead-1 target=log-dead attempt=3 status=500 error=-"
                  + " durationMs=\\d+ nextAttemptAt=-$");
      assertThat(lines(output, "deliveryId=" + id)).hasSize(3);
    }
  }

  @Test
  void logsTheErrorCodeWhenTheTargetGaveNoAnswer(CapturedOutput output) {
    int closedPort = RunningGateway.freePort();
    createTarget("log-refused", "http://127.0.0.1:" + closedPort + "/hook", "conv-log-refused");
    gateway.postWebhook(Fixtures.reply("log-refused-1", "conv-log-refused"));

    String retry = awaitLine(output, "messageId=log-refused-1");

    assertThat(retry).contains("outcome=retry").contains("status=- error=connect_refused ");
  }

  private static void createTarget(String name, String url, String conversation) {
    var created =
        gateway.postApi(
            "/api/targets",
            JSON.writeValueAsString(
                Map.of("name", name, "url", url, "conversation", conversation)));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  /** Waits for the first line holding {@code fragment}: logged after the record's commit. */
  private static String awaitLine(CapturedOutput output, String fragment) {
    await().atMost(PATIENCE).until(() -> !lines(output, fragment).isEmpty());
    return lines(output, fragment).get(0);
  }

  private static List<String> lines(CapturedOutput output, String fragment) {
    return output
        .getOut()
        .lines()
        .filter(line -> line.contains("event=delivery.attempt"))
        .filter(line -> line.contains(fragment))
        .toList();
  }
}
