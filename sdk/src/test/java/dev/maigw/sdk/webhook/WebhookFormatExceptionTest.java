package dev.maigw.sdk.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookFormatExceptionTest {

  private final WebhookFormatException exception =
      new WebhookFormatException(WebhookFormatProblem.MISSING_FIELD, "Field 'id' is required.");

  @Test
  void exposesProblemAndDetail() {
    assertThat(exception.problem()).isEqualTo(WebhookFormatProblem.MISSING_FIELD);
    assertThat(exception.detail()).isEqualTo("Field 'id' is required.");
  }

  @Test
  void prefixesMessageWithTheCode() {
    assertThat(exception).hasMessage("missing_field: Field 'id' is required.");
  }

  @Test
  void carriesNoCauseAndNoStackTrace() {
    assertThat(exception.getCause()).isNull();
    assertThat(exception.getStackTrace()).isEmpty();
  }
}
