package dev.maigw.sdk.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookMessageTest {

  @ParameterizedTest
  @ValueSource(strings = {"outgoing", "OUTGOING", "Outgoing", "oUtGoInG"})
  void treatsOutgoingInAnyCaseAsAiReply(String type) {
    assertThat(messageOfType(type).isAiReply()).isTrue();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"incoming", "", "outgoing ", "out going", "reply"})
  void treatsOtherTypesAsNotAiReply(String type) {
    assertThat(messageOfType(type).isAiReply()).isFalse();
  }

  @Test
  void normalisesAbsentValues() {
    WebhookMessage message =
        new WebhookMessage("m", "c", null, null, null, null, null, null, null, null, null);

    assertThat(message.content()).isEmpty();
    assertThat(message.sender()).isEqualTo(new Sender(null, null, null));
    assertThat(message.attachments()).isEmpty();
    assertThat(message.citations()).isEmpty();
    assertThat(message.warnings()).isEmpty();
  }

  @Test
  void copiesListsAndKeepsThemUnmodifiable() {
    List<String> warnings = new ArrayList<>(List.of("one"));
    WebhookMessage message =
        new WebhookMessage("m", "c", null, null, null, null, null, null, null, null, warnings);

    warnings.add("two");

    assertThat(message.warnings()).containsExactly("one");
    assertThatThrownBy(() -> message.warnings().add("three"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void requiresIdAndConversationId() {
    assertThatThrownBy(
            () ->
                new WebhookMessage(null, "c", null, null, null, null, null, null, null, null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("id");
    assertThatThrownBy(
            () ->
                new WebhookMessage("m", null, null, null, null, null, null, null, null, null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("conversationId");
  }

  private static WebhookMessage messageOfType(String type) {
    return new WebhookMessage("m", "c", type, "", null, null, null, null, null, null, null);
  }
}
