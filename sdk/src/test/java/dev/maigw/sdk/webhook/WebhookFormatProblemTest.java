package dev.maigw.sdk.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WebhookFormatProblemTest {

  @Test
  void hasStableSnakeCaseCodes() {
    assertThat(Arrays.stream(WebhookFormatProblem.values()).map(WebhookFormatProblem::code))
        .containsExactly(
            "empty_body",
            "malformed_json",
            "invalid_encoding",
            "not_an_object",
            "duplicate_key",
            "limit_exceeded",
            "missing_field",
            "invalid_field",
            "invalid_id");
  }

  @Test
  void separatesSyntaxProblemsFromSchemaProblems() {
    assertThat(Arrays.stream(WebhookFormatProblem.values()).filter(WebhookFormatProblem::isSyntax))
        .containsExactly(
            WebhookFormatProblem.EMPTY_BODY,
            WebhookFormatProblem.MALFORMED_JSON,
            WebhookFormatProblem.INVALID_ENCODING,
            WebhookFormatProblem.NOT_AN_OBJECT,
            WebhookFormatProblem.DUPLICATE_KEY,
            WebhookFormatProblem.LIMIT_EXCEEDED);
  }
}
