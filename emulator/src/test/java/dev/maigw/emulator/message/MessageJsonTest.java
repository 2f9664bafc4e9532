package dev.maigw.emulator.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.emulator.fault.Casing;
import dev.maigw.emulator.fault.CitationShape;
import dev.maigw.emulator.fault.Faults;
import dev.maigw.emulator.fault.SenderIdType;
import dev.maigw.emulator.fault.TimestampFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MessageJsonTest {
  private static final Instant CREATED = Instant.parse("2024-10-06T12:57:22.345Z");

  private final ReplyComposer composer =
      new ReplyComposer(Clock.fixed(CREATED, ZoneOffset.UTC), "http://127.0.0.1:8090");
  private final Message reply = composer.outgoing("conv-1", "hello", composer.citations());

  private JsonNode webhook(Faults faults) {
    return MessageJson.webhook(reply, faults);
  }

  @Test
  void webhookByDefaultMatchesTheDocumentedExample() {
    JsonNode body = webhook(Faults.none());

    assertThat(body.get("createdAt").isString()).isTrue();
    assertThat(body.get("createdAt").asString()).isEqualTo("1728219442345");
    assertThat(body.has("created_at")).isFalse();
    assertThat(body.get("sender").get("id").isNumber()).isTrue();
    assertThat(body.get("citations").get(0).get("document").asString()).isNotBlank();
    assertThat(body.has("citationNodes")).isFalse();
    assertThat(body.get("feedback").isNull()).isTrue();
  }

  @Test
  void snakeCaseTimestampKeyWritesOnlyCreatedAtUnderscore() {
    JsonNode body = webhook(Faults.none().withTimestampKey(Casing.SNAKE));

    assertThat(body.get("created_at").asString()).isEqualTo("1728219442345");
    assertThat(body.has("createdAt")).isFalse();
  }

  @Test
  void timestampValueVariantsCoverNumberSecondsAndIso() {
    assertThat(
            webhook(Faults.none().withTimestampFormat(TimestampFormat.MILLIS_NUMBER))
                .get("createdAt")
                .isNumber())
        .isTrue();
    assertThat(
            webhook(Faults.none().withTimestampFormat(TimestampFormat.SECONDS_STRING))
                .get("createdAt")
                .asString())
        .isEqualTo("1728219442");
    assertThat(
            webhook(Faults.none().withTimestampFormat(TimestampFormat.ISO))
                .get("createdAt")
                .asString())
        .isEqualTo("2024-10-06T12:57:22.345Z");
  }

  @Test
  void senderIdCanBeAStringOrAUuid() {
    JsonNode asString = webhook(Faults.none().withSenderIdType(SenderIdType.STRING)).get("sender");
    JsonNode asUuid = webhook(Faults.none().withSenderIdType(SenderIdType.UUID)).get("sender");

    assertThat(asString.get("id").isString()).isTrue();
    assertThat(asString.get("id").asString()).isEqualTo(Long.toString(ReplyComposer.ASSISTANT_ID));
    assertThat(asUuid.get("id").asString())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  }

  @Test
  void oasCitationsCarryChatbotFileContentAndParserInsteadOfDocument() {
    JsonNode citation =
        webhook(Faults.none().withCitationShape(CitationShape.OAS)).get("citations").get(0);

    assertThat(citation.has("document")).isFalse();
    assertThat(citation.get("chatbotFileContent").asString()).isNotBlank();
    assertThat(citation.get("parser").get("provider").asString()).isEqualTo("maiagent");
    assertThat(citation.get("size").isNumber()).isTrue();
  }

  @Test
  void citationNodesAppearOnlyWhenSwitchedOn() {
    JsonNode nodes = webhook(Faults.none().withCitationNodes(true)).get("citationNodes");

    assertThat(nodes).hasSize(2);
    assertThat(nodes.get(0).get("chatbotTextNode").get("text").asString()).isNotBlank();
    assertThat(nodes.get(0).get("score").isDouble()).isTrue();
  }

  @Test
  void noCitationsShapeSendsAnEmptyArray() {
    assertThat(webhook(Faults.none().withCitationShape(CitationShape.NONE)).get("citations"))
        .isEmpty();
  }

  @Test
  void apiShapeIgnoresWebhookVariants() {
    JsonNode api = MessageJson.api(reply);

    assertThat(api.get("createdAt").asString()).isEqualTo("1728219442345");
    assertThat(api.get("sender").get("id").isNumber()).isTrue();
    assertThat(api.get("citationNodes")).hasSize(2);
  }
}
