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
  void namesTheMessageIdWhenTheBodyFailedAfterItWasRead() {
    WebhookFormatException e =
        Rejections.rejectionOf(Replies.valid().without("conversation").bytes());

    assertThat(e.problem()).isEqualTo(WebhookFormatProblem.MISSING_FIELD);
    assertThat(e.messageId()).isEqualTo("b1f4c2e0-6a3d-4c1e-9f7a-2d5e8c9b0a11");
  }

  @Test
  void namesNoMessageIdWhenTheIdItselfIsUnusableOrTheBodyNoJson() {
    assertThat(Rejections.rejectionOf(Replies.valid().with("id", "").bytes()).messageId()).isNull();
    assertThat(Rejections.rejectionOf("{\"id\":\"x\",".getBytes()).messageId()).isNull();
    assertThat(exception.messageId()).isNull();
  }

  @Test
  void carriesNoCauseAndNoStackTrace() {
    assertThat(exception.getCause()).isNull();
    assertThat(exception.getStackTrace()).isEmpty();
  }
}
