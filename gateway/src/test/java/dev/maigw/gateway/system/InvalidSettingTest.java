package dev.maigw.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.maigw.gateway.support.GatewayProcess;
import dev.maigw.gateway.support.RunningGateway;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A configuration mistake ends the start with one sentence naming the variable, the value's problem
 * and the fix, not a stack trace; secrets never appear in it.
 */
class InvalidSettingTest {

  private static final String SHORT_TOKEN = "short-secret-canary";

  @TempDir Path dir;

  @Test
  void namesTheTokenVariableWithoutEchoingAShortToken() {
    FailureAnalysis analysis = failedStart(Map.of("maigw.webhook.tokens", SHORT_TOKEN));

    assertThat(analysis.getDescription())
        .startsWith("MAIGW_WEBHOOK_TOKENS: an entry has 19 characters, fewer than the 22")
        .doesNotContain(SHORT_TOKEN);
    assertThat(analysis.getAction()).contains("at least 22 random characters");
  }

  @Test
  void refusesToStartWithoutTokensWhenTheyAreRequired() {
    FailureAnalysis analysis = failedStart(Map.of("maigw.webhook.require-token", "true"));

    assertThat(analysis.getDescription())
        .isEqualTo(
            "MAIGW_WEBHOOK_TOKENS: is empty while MAIGW_REQUIRE_TOKEN=true. Fix: set one or two"
                + " tokens of at least 22 random characters (e.g. openssl rand -base64 24), or"
                + " unset MAIGW_REQUIRE_TOKEN.");
  }

  @Test
  void namesTheForwardAllowEntryThatIsNoAddress() {
    FailureAnalysis analysis = failedStart(Map.of("maigw.delivery.forward-allow", "localhost"));

    assertThat(analysis.getDescription())
        .startsWith(
            "MAIGW_FORWARD_ALLOW: entry 'localhost' is neither an IP address, a CIDR block nor"
                + " host:port.");
  }

  @Test
  void refusesToStartWithAConfiguredTargetOnLoopback() {
    FailureAnalysis analysis =
        failedStart(
            Map.of(
                "maigw.targets[0].name", "crm",
                "maigw.targets[0].url", "http://127.0.0.1:9000/hooks?key=canary-target-key",
                "maigw.targets[0].secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));

    assertThat(analysis.getDescription())
        .isEqualTo(
            "maigw.targets: target 'crm' (cfg-crm): the URL's host 127.0.0.1 is in 127.0.0.0/8,"
                + " not a public address. Fix: add '127.0.0.1' or '127.0.0.1:9000' to"
                + " MAIGW_FORWARD_ALLOW (comma-separated) and restart the gateway, or use a"
                + " public address.")
        .doesNotContain("canary-target-key");
  }

  @Test
  void refusesToStartWithAConfiguredTargetOfAnUnsupportedScheme() {
    FailureAnalysis analysis =
        failedStart(
            Map.of(
                "maigw.targets[0].name", "crm",
                "maigw.targets[0].url", "ftp://files.example.com/drop",
                "maigw.targets[0].secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));

    assertThat(analysis.getDescription())
        .startsWith(
            "maigw.targets: target 'crm' (cfg-crm): The target URL scheme is not supported:"
                + " 'ftp'. Fix: correct its url.");
  }

  @Test
  void acceptsABareAddressInTheForwardAllowList() {
    try (RunningGateway gateway =
        RunningGateway.start(Map.of("maigw.delivery.forward-allow", "127.0.0.1,::1"))) {
      assertThat(gateway.getApi("/api/targets").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void namesTheDataDirWhenTheDatabaseFileIsNoDatabase() throws Exception {
    Path data = Files.createDirectories(dir.resolve("corrupt"));
    Files.write(data.resolve("maigw.db"), "not a database, just text".repeat(400).getBytes());

    FailureAnalysis analysis = failedStart(data, Map.of());

    assertThat(analysis.getDescription())
        .startsWith(
            "MAIGW_DATA_DIR: the database file " + data.resolve("maigw.db").toAbsolutePath())
        .contains("is not a readable SQLite database");
    assertThat(analysis.getAction()).contains("restore it from a backup");
  }

  @Test
  void namesTheDatabaseUrlWithoutItsQuery() {
    FailureAnalysis analysis =
        failedStart(Map.of("maigw.storage.db-url", "jdbc:mysql://db/maigw?password=canary-pw"));

    assertThat(analysis.getDescription())
        .startsWith("MAIGW_DB_URL: 'jdbc:mysql://db/maigw?…' is not a jdbc:postgresql:")
        .doesNotContain("canary-pw");
  }

  @Test
  void printsAShortReportWithoutAStackTrace() throws Exception {
    Path log = dir.resolve("refused.log");
    int exitCode =
        GatewayProcess.startExpectingExit(
            Files.createDirectories(dir.resolve("data")),
            RunningGateway.freePort(),
            log,
            "maigw.webhook.tokens=" + SHORT_TOKEN);

    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertThat(exitCode).isNotZero();
    assertThat(String.join("\n", lines))
        .contains("MAIGW_WEBHOOK_TOKENS: an entry has 19 characters")
        .doesNotContain(SHORT_TOKEN)
        .doesNotContain("\tat ");
    assertThat(lines).hasSizeLessThan(40);
  }

  private FailureAnalysis failedStart(Map<String, String> properties) {
    try {
      return failedStart(Files.createTempDirectory(dir, "data"), properties);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static FailureAnalysis failedStart(Path dataDir, Map<String, String> properties) {
    Throwable failure = catchThrowable(() -> RunningGateway.startOn(dataDir, properties).close());
    assertThat(failure).as("the gateway must refuse to start").isNotNull();
    FailureAnalysis analysis = new InvalidSettingFailureAnalyzer().analyze(failure);
    assertThat(analysis).as("analysed as an invalid setting: %s", failure).isNotNull();
    return analysis;
  }
}
