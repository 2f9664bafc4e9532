package dev.maigw.sdk.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Reads bodies with a default reader and returns the rejection, for tests of bad inputs. */
final class Rejections {

  static final MaiAgentWebhookReader READER = new MaiAgentWebhookReader();

  private Rejections() {}

  static WebhookFormatException rejectionOf(byte[] body) {
    Throwable thrown = catchThrowable(() -> READER.read(body));
    assertThat(thrown).isInstanceOf(WebhookFormatException.class);
    return (WebhookFormatException) thrown;
  }

  static void assertRejected(byte[] body, WebhookFormatProblem problem, String detail) {
    WebhookFormatException e = rejectionOf(body);
    assertThat(e.problem()).isEqualTo(problem);
    assertThat(e.detail()).isEqualTo(detail);
  }
}
