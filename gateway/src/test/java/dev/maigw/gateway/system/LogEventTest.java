package dev.maigw.gateway.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The key=value text of a log line stays one parseable line whatever the values hold. */
class LogEventTest {

  @Test
  void writesTheEventFirstAndTheFieldsInTheOrderGiven() {
    String line =
        LogEvent.of("delivery.attempt").with("outcome", "retry").with("status", 500).toString();

    assertThat(line).isEqualTo("event=delivery.attempt outcome=retry status=500");
  }

  @Test
  void writesAMissingValueAsADash() {
    assertThat(LogEvent.of("webhook").with("id", null).toString()).isEqualTo("event=webhook id=-");
  }

  @Test
  void quotesAValueWithASpaceQuoteOrEqualsSign() {
    String line =
        LogEvent.of("webhook").with("target", "crm prod").with("id", "a=\"b\"").toString();

    assertThat(line).isEqualTo("event=webhook target=\"crm prod\" id=\"a=\\\"b\\\"\"");
  }

  @Test
  void escapesLineBreaksSoAValueCannotForgeALine() {
    String line = LogEvent.of("webhook").with("id", "x\nevent=webhook outcome=stored").toString();

    assertThat(line).doesNotContain("\n").startsWith("event=webhook id=\"x\\nevent=webhook");
  }
}
