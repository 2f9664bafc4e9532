package dev.maigw.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.emulator.access.SlashlessMode;
import dev.maigw.emulator.testing.ApiClient;
import dev.maigw.emulator.testing.Emulators;
import dev.maigw.emulator.testing.SharedEmulator;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

class ApiDispatcherTest {
  @RegisterExtension static final SharedEmulator shared = new SharedEmulator();

  private final MaiAgentEmulator emulator = shared.emulator();
  private final ApiClient api = shared.api();

  private HttpResponse<String> getInboxesWith(String authorization) {
    HttpRequest.Builder request = api.request(emulator.baseUrl().resolve("inboxes/")).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return api.send(request);
  }

  @Test
  void missingAuthorizationAnswers401CredentialsNotProvided() {
    HttpResponse<String> response = getInboxesWith(null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body())
        .isEqualTo("{\"detail\":\"Authentication credentials were not provided.\"}");
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Api-Key");
  }

  @Test
  void wrongKeyAnswers401CredentialsNotProvided() {
    HttpResponse<String> response = getInboxesWith("Api-Key wrongkey123");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(ApiClient.json(response).get("detail").asString())
        .isEqualTo("Authentication credentials were not provided.");
  }

  @Test
  void bearerSchemeAnswers401InvalidFormat() {
    HttpResponse<String> response = getInboxesWith("Bearer emulator-key");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"detail\":\"Invalid API key format.\"}");
  }

  @Test
  void nonAlphanumericKeyAnswers401InvalidFormat() {
    assertThat(getInboxesWith("Api-Key bad$key!").body())
        .isEqualTo("{\"detail\":\"Invalid API key format.\"}");
    assertThat(getInboxesWith("Api-Key").body())
        .isEqualTo("{\"detail\":\"Invalid API key format.\"}");
  }

  @Test
  void correctKeyIsAccepted() {
    assertThat(getInboxesWith("Api-Key " + emulator.apiKey()).statusCode()).isEqualTo(200);
  }

  @Test
  void pathWithoutTrailingSlashAnswers404NamingTheSlashedPath() {
    HttpResponse<String> response = api.get("inboxes");

    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode body = ApiClient.json(response);
    assertThat(body.get("detail").asString()).isEqualTo("Not found.");
    assertThat(body.get("path").asString()).isEqualTo("/api/v1/inboxes");
    assertThat(body.get("hint").asString()).contains("/api/v1/inboxes/");
  }

  @Test
  void pathWithoutTrailingSlashRedirectsWhenConfiguredFor301() {
    try (MaiAgentEmulator redirecting =
        MaiAgentEmulator.start(
            Emulators.fast("http://127.0.0.1:9/hook").withSlashless(SlashlessMode.REDIRECT))) {
      HttpResponse<String> response = new ApiClient(redirecting).get("messages?conversation=abc");

      assertThat(response.statusCode()).isEqualTo(301);
      assertThat(response.headers().firstValue("Location"))
          .hasValue("/api/v1/messages/?conversation=abc");
    }
  }

  @Test
  void unknownApiPathAnswers404NamingThePath() {
    HttpResponse<String> response = api.get("webhooks/nothing/");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(ApiClient.json(response).get("path").asString())
        .isEqualTo("/api/v1/webhooks/nothing/");
  }

  @Test
  void unsupportedMethodAnswers405WithAllowHeader() {
    HttpResponse<String> response = api.send(api.api("inboxes/").DELETE());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(ApiClient.json(response).get("detail").asString())
        .isEqualTo("Method \"DELETE\" not allowed.");
    assertThat(response.headers().firstValue("Allow")).hasValue("GET");
  }

  @Test
  void pathOutsideTheApiAnswers404NamingThePath() {
    HttpResponse<String> response =
        api.send(api.request(java.net.URI.create(emulator.origin() + "/v1/inboxes/")).GET());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(ApiClient.json(response).get("path").asString()).isEqualTo("/v1/inboxes/");
  }

  @Test
  void malformedJsonAnswers400WithParseError() {
    HttpResponse<String> response = api.postJson("conversations/", "{not json");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(ApiClient.json(response).get("detail").asString()).startsWith("JSON parse error");
  }
}
