package dev.maigw.emulator.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maigw.emulator.system.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultsJsonTest {

  @Test
  void readingChangesOnlyTheSwitchesPresent() {
    Faults base = Faults.none().withDeliveryCopies(2);

    FaultsJson.Update update =
        FaultsJson.read(base, Json.parse("{\"senderIdType\":\"string\",\"receiptDelayMs\":50}"));

    assertThat(update.faults())
        .isEqualTo(
            base.withSenderIdType(SenderIdType.STRING).withReceiptDelay(Duration.ofMillis(50)));
    assertThat(update.apiError()).isNull();
  }

  @Test
  void acceptsFieldNamesAsCasingValues() {
    Faults faults =
        FaultsJson.read(
                Faults.none(),
                Json.parse("{\"timestampKey\":\"created_at\",\"streamIdKey\":\"snake\"}"))
            .faults();

    assertThat(faults.timestampKey()).isEqualTo(Casing.SNAKE);
    assertThat(faults.streamIdKey()).isEqualTo(Casing.SNAKE);
  }

  @Test
  void renderRoundTripsThroughRead() {
    Faults faults =
        Faults.none()
            .withTimestampFormat(TimestampFormat.ISO)
            .withCitationShape(CitationShape.OAS)
            .withOutOfOrderBatch(3);
    var rendered = FaultsJson.render(faults, ApiErrorPlan.of(500, 0));
    rendered.remove("apiError");

    assertThat(FaultsJson.read(Faults.none(), rendered).faults()).isEqualTo(faults);
  }

  @Test
  void dropWebhooksIsSwitchedAndRenderedLikeTheOtherFaults() {
    Faults faults = FaultsJson.read(Faults.none(), Json.parse("{\"dropWebhooks\":true}")).faults();

    assertThat(faults).isEqualTo(Faults.none().withDropWebhooks(true));
    assertThat(FaultsJson.render(faults, ApiErrorPlan.of(500, 0)).get("dropWebhooks").asBoolean())
        .isTrue();
    assertThatThrownBy(() -> FaultsJson.read(Faults.none(), Json.parse("{\"dropWebhooks\":1}")))
        .isInstanceOf(InvalidFaultException.class)
        .hasMessage("Fault dropWebhooks must be true or false: 1");
  }

  @Test
  void apiErrorPathIsRelativeToTheApiBase() {
    ApiErrorPlan plan =
        FaultsJson.read(
                Faults.none(), Json.parse("{\"apiError\":{\"status\":500,\"path\":\"messages/\"}}"))
            .apiError();

    assertThat(plan.path()).isEqualTo("/api/v1/messages/");
    assertThat(plan.count()).isEqualTo(1);
  }

  @Test
  void refusesOutOfRangeValues() {
    assertThatThrownBy(() -> FaultsJson.read(Faults.none(), Json.parse("{\"deliveryCopies\":0}")))
        .isInstanceOf(InvalidFaultException.class)
        .hasMessage("Fault deliveryCopies must be at least 1: 0");
    assertThatThrownBy(() -> FaultsJson.read(Faults.none(), Json.parse("{\"outOfOrderBatch\":1}")))
        .hasMessage("Fault outOfOrderBatch must be 0 (off) or at least 2: 1");
    assertThatThrownBy(
            () -> FaultsJson.read(Faults.none(), Json.parse("{\"apiError\":{\"status\":200}}")))
        .hasMessage("Fault apiError.status must be 400 to 599: 200");
  }
}
