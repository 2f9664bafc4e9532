package dev.maigw.gateway.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import dev.maigw.gateway.support.SettableClock;
import dev.maigw.gateway.system.InvalidSettingException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The purge's own schedule follows the gateway's clock; bad retentions stop the start. */
class RetentionScheduleTest {

  @Test
  void runsOnItsOwnOnceTheClockPassesTheDueTimeAndCountsWhatItPurged() {
    try (RunningGateway gateway =
        RunningGateway.startWith(
            Map.of(
                "maigw.retention.messages", "30d",
                "maigw.retention.first-run-after", "1h",
                "maigw.retention.interval", "1h"),
            SettableClock.Override.class)) {
      SettableClock clock = gateway.bean(SettableClock.class);
      RetentionPurger purger = gateway.bean(RetentionPurger.class);
      assertThat(gateway.postWebhook(Fixtures.reply("sched-1", "conv-sched")).statusCode())
          .isEqualTo(200);
      assertThat(purger.lastRun()).as("not due before the first run").isNull();

      clock.advance(Duration.ofDays(31));

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> gateway.getApi("/api/messages/sched-1").statusCode() == 404);
      await().atMost(Duration.ofSeconds(30)).until(() -> purger.lastRun() != null);
      String metrics =
          RunningGateway.send(
                  HttpRequest.newBuilder(URI.create(gateway.url("/actuator/prometheus")))
                      .header("Authorization", "Bearer " + RunningGateway.API_KEY)
                      .build())
              .body();
      assertThat(metrics).contains("maigw_retention_purged_total{kind=\"messages\"} 1.0");
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "maigw.retention.messages|-5d|MAIGW_RETENTION_MESSAGES: '-5d' is not positive.",
        "maigw.retention.deliveries|30|MAIGW_RETENTION_DELIVERIES: '30' has no unit.",
        "maigw.retention.sends|soon|MAIGW_RETENTION_SENDS: 'soon' is not a duration.",
        "maigw.retention.quarantine|0d|MAIGW_RETENTION_QUARANTINE: '0d' is not positive."
      })
  void refusesToStartWithARetentionThatIsNotAPositiveDuration(
      String property, String value, String sentence) {
    Throwable failure = catchThrowable(() -> RunningGateway.start(Map.of(property, value)).close());

    assertThat(failure).as("the gateway must refuse to start").isNotNull();
    Throwable cause = failure;
    while (cause != null && !(cause instanceof InvalidSettingException)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("an invalid setting: %s", failure).isNotNull();
    assertThat(cause.getMessage())
        .startsWith(sentence)
        .endsWith(
            "Fix: use a positive duration with a unit, e.g. 30d, 72h or 90m, or leave it"
                + " empty.");
  }
}
