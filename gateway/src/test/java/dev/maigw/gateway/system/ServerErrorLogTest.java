package dev.maigw.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.SettableClock;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class ServerErrorLogTest {

  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void logsOneLinePerAnswerAndTheCauseAtMostOncePerInterval(CapturedOutput output) {
    SettableClock clock = new SettableClock(START);
    ServerErrorLog errors = new ServerErrorLog(clock);
    StoreUnavailableException locked =
        new StoreUnavailableException(
            "The store cannot write right now.", new SQLException("CANARY_CAUSE locked"));

    for (int i = 0; i < 20; i++) {
      errors.answered(locked);
    }
    clock.advance(ServerErrorLog.CAUSE_INTERVAL);
    errors.answered(locked);

    assertThat(count(output.getOut(), "store_unavailable: The store cannot write")).isEqualTo(21);
    assertThat(count(output.getOut(), "CANARY_CAUSE")).as("a trace each interval").isEqualTo(2);
  }

  @Test
  void logsNothingForClientErrors(CapturedOutput output) {
    new ServerErrorLog(Clock.systemUTC())
        .answered(new GatewayException(Problem.NOT_FOUND, "CANARY_404 nothing here"));

    assertThat(output.getOut()).doesNotContain("CANARY_404");
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }
}
