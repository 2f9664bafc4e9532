package dev.maigw.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RawHttp;
import dev.maigw.gateway.support.RunningGateway;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Every webhook, refused ones included, logs one line with its status, problem code, the bytes
 * received and the message id when the body named one; never the body or the token.
 */
@ExtendWith(OutputCaptureExtension.class)
class WebhookLogTest {

  private static final String TOKEN = "tok_CANARY_log_7c1d2e3f4a5b6c7d";
  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
  private static final Duration PATIENCE = Duration.ofSeconds(15);
  private static final int MAX_BODY = 4096;

  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    gateway =
        RunningGateway.start(
            Map.of(
                "maigw.webhook.tokens",
                TOKEN,
                "maigw.webhook.max-body-bytes",
                Integer.toString(MAX_BODY)));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void logsAStoredWebhookWithItsIdsAndSize(CapturedOutput output) {
    byte[] body = Fixtures.reply("log-stored-1", "conv-log");
    assertThat(gateway.post(path(TOKEN), body, JSON).statusCode()).isEqualTo(200);

    assertThat(awaitLine(output, "id=log-stored-1"))
        .matches(
            ".* INFO .* maigw\\.webhook +: event=webhook id=log-stored-1 conversation=conv-log"
                + " outcome=stored status=200 code=- bytes="
                + body.length
                + " declaredBytes="
                + body.length
                + " latencyMs=[0-9.]+$");
  }

  @Test
  void logsAWrongTokenWithStatusAndCodeButNeverTheToken(CapturedOutput output) {
    String wrong = TOKEN.substring(0, TOKEN.length() - 1) + "X";
    byte[] body = Fixtures.reply("log-401", "conv-log");
    assertThat(gateway.post(path(wrong), body, JSON).statusCode()).isEqualTo(401);

    assertThat(awaitLine(output, "code=unauthorized"))
        .contains(
            "event=webhook id=- conversation=- outcome=rejected status=401 code=unauthorized"
                + " bytes=0 declaredBytes="
                + body.length
                + " ");
    assertThat(output.getAll()).doesNotContain("CANARY").doesNotContain("log-401");
  }

  @Test
  void logsAQuarantinedBodyUnderItsIdWhenTheIdCouldBeRead(CapturedOutput output) {
    byte[] body = "{\"id\":\"log-422\",\"content\":\"no conversation\"}".getBytes();
    assertThat(gateway.post(path(TOKEN), body, JSON).statusCode()).isEqualTo(422);

    assertThat(awaitLine(output, "id=log-422"))
        .contains(
            "event=webhook id=log-422 conversation=- outcome=quarantined status=422"
                + " code=missing_field bytes="
                + body.length
                + " declaredBytes="
                + body.length
                + " ")
        .doesNotContain("no conversation");
  }

  @Test
  void logsAnUnparsableBodyWithoutAnId(CapturedOutput output) {
    byte[] body = "{\"id\":\"log-400\",".getBytes();
    assertThat(gateway.post(path(TOKEN), body, JSON).statusCode()).isEqualTo(400);

    assertThat(awaitLine(output, "code=malformed_json"))
        .contains(
            "event=webhook id=- conversation=- outcome=quarantined status=400 code=malformed_json"
                + " bytes="
                + body.length
                + " ");
  }

  @Test
  void logsADeclaredTooLargeBodyAsNotRead(CapturedOutput output) {
    String head =
        "POST /maiagent/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: 10485760\r\n\r\n";
    assertThat(RawHttp.exchange(gateway.port(), head, null, 5_000)).isEqualTo(413);

    assertThat(awaitLine(output, "declaredBytes=10485760"))
        .contains(
            "event=webhook id=- conversation=- outcome=rejected status=413 code=body_too_large"
                + " bytes=0 declaredBytes=10485760 ");
  }

  @Test
  void logsTheBytesReceivedOfAChunkedBodyThatGrewTooLarge(CapturedOutput output) {
    byte[] chunk = "x".repeat(MAX_BODY).getBytes(StandardCharsets.US_ASCII);
    String hex = Integer.toHexString(chunk.length);
    byte[] chunks =
        (hex + "\r\n" + new String(chunk, StandardCharsets.US_ASCII) + "\r\n")
            .repeat(2)
            .concat("0\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    String head =
        "POST /maiagent/webhook/"
            + TOKEN
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n";
    assertThat(RawHttp.exchange(gateway.port(), head, chunks, 10_000)).isEqualTo(413);

    String line = awaitLine(output, "status=413 code=body_too_large bytes=\\d+ declaredBytes=- ");
    assertThat(line).contains("outcome=rejected").contains(" declaredBytes=- ");
    long bytes = Long.parseLong(line.replaceAll(".* bytes=(\\d+) .*", "$1"));
    assertThat(bytes).isGreaterThan(MAX_BODY).isLessThanOrEqualTo(2L * MAX_BODY);
  }

  @Test
  void logsAWrongMethod(CapturedOutput output) {
    var response =
        RunningGateway.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(gateway.url(path(TOKEN))))
                .GET()
                .build());
    assertThat(response.statusCode()).isEqualTo(405);

    assertThat(awaitLine(output, "code=method_not_allowed"))
        .contains("outcome=rejected status=405 code=method_not_allowed bytes=0");
    assertThat(output.getAll()).doesNotContain("CANARY");
  }

  private static String path(String token) {
    return "/maiagent/webhook/" + token;
  }

  /** The line is written after the answer, so wait for it; {@code fragment} is a regex. */
  private static String awaitLine(CapturedOutput output, String fragment) {
    await().atMost(PATIENCE).until(() -> !lines(output, fragment).isEmpty());
    return lines(output, fragment).get(0);
  }

  private static List<String> lines(CapturedOutput output, String fragment) {
    return output
        .getOut()
        .lines()
        .filter(line -> line.contains("event=webhook"))
        .filter(line -> Pattern.compile(fragment).matcher(line).find())
        .toList();
  }
}
