package dev.maigw.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Error bodies become a kind, a detail and field errors. */
class ApiErrorsTest {

  private static final ApiCall GET =
      ApiCall.get(URI.create("http://127.0.0.1/api/v1/"), "inboxes/", null);

  @ParameterizedTest
  @CsvSource({
    "400, BAD_REQUEST, false",
    "401, AUTHENTICATION, false",
    "403, PERMISSION, false",
    "404, NOT_FOUND, false",
    "405, OTHER_STATUS, false",
    "429, RATE_LIMITED, true",
    "500, SERVER_ERROR, false",
    "502, SERVER_ERROR, true",
    "503, SERVER_ERROR, true",
    "504, SERVER_ERROR, true"
  })
  void statusDecidesKindAndRetryability(int status, String kind, boolean retryable) {
    MaiAgentApiException e = ApiErrors.status(GET, status, "", null, false);

    assertThat(e.kind()).isEqualTo(MaiAgentApiException.Kind.valueOf(kind));
    assertThat(e.isRetryable()).isEqualTo(retryable);
  }

  @Test
  void nestedFieldErrorsAreFlattenedAndSummarised() {
    MaiAgentApiException e =
        ApiErrors.status(
            GET,
            400,
            "{\"message\":{\"content\":[\"This field is required.\"]},"
                + "\"conversation\":[\"Bad id.\",\"Really.\"]}",
            null,
            false);

    assertThat(e.fieldErrors())
        .isEqualTo(
            Map.of(
                "message.content", List.of("This field is required."),
                "conversation", List.of("Bad id.", "Really.")));
    assertThat(e.detail())
        .isEqualTo("message.content: This field is required.; conversation: Bad id. Really.");
  }

  @Test
  void storageXmlErrorGivesItsMessage() {
    MaiAgentApiException e =
        ApiErrors.status(
            GET,
            403,
            "<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code>"
                + "<Message>Policy expired.</Message></Error>",
            null,
            false);

    assertThat(e.detail()).isEqualTo("Policy expired.");
  }

  @Test
  void otherBodiesGiveAOneLineSnippet() {
    String html = "<html>\n  <body>" + "x".repeat(500) + "</body></html>";

    MaiAgentApiException e = ApiErrors.status(GET, 502, html, null, false);

    assertThat(e.detail()).startsWith("<html> <body>xxx").hasSize(201).endsWith("…");
    assertThat(e.body()).isEqualTo(html);
    assertThat(ApiErrors.status(GET, 502, "", null, false).detail()).isEqualTo("(empty body)");
  }

  @Test
  void transportFailureHasStatusZeroAndNamesTheCause() {
    MaiAgentApiException e =
        ApiErrors.transport(GET, new ConnectException("Connection refused"), false);

    assertThat(e.status()).isZero();
    assertThat(e.body()).isEmpty();
    assertThat(e.isRetryable()).isTrue();
    assertThat(e)
        .hasMessage(
            "MaiAgent call GET inboxes/ failed without an answer: ConnectException: Connection refused")
        .hasCauseInstanceOf(ConnectException.class);
  }
}
