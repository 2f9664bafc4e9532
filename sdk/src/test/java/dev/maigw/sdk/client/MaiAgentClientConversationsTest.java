package dev.maigw.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.maigw.emulator.inbox.InboxDirectory;
import dev.maigw.emulator.system.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Conversations and authentication, over loopback HTTP against the emulator. */
class MaiAgentClientConversationsTest {

  @RegisterExtension static final TestEmulator mai = new TestEmulator();

  private final MaiAgentClient client = mai.client().build();

  @Test
  void createsConversationWithApiKeyJsonAndTrailingSlash() {
    Instant before = Instant.now().minusSeconds(1);

    Conversation created = client.createConversation(InboxDirectory.DEFAULT_WEB_CHAT_ID);

    assertThat(created.id()).isNotBlank();
    assertThat(created.createdAt()).isBetween(before, Instant.now().plusSeconds(1));
    assertThat(created.raw().get("inbox").get("channelType").stringValue()).isEqualTo("web");
    RecordedRequest request = mai.requests("POST", "/api/v1/conversations/").get(0);
    assertThat(request.status()).isEqualTo(201);
    assertThat(request.headers())
        .containsEntry("authorization", "Api-Key emulator-key")
        .containsEntry("content-type", "application/json");
    assertThat(request.body())
        .isEqualTo("{\"webChat\":\"" + InboxDirectory.DEFAULT_WEB_CHAT_ID + "\"}");
  }

  @Test
  void readsConversationBackById() {
    Conversation created = client.createConversation("any-web-chat");

    Conversation read = client.getConversation(created.id());

    assertThat(read.id()).isEqualTo(created.id());
    assertThat(read.createdAt()).isEqualTo(created.createdAt());
    assertThat(mai.requests("GET", "/api/v1/conversations/" + created.id() + "/")).hasSize(1);
  }

  @Test
  void unknownConversationIsNotFoundWithMaiAgentsDetail() {
    MaiAgentApiException e =
        catchThrowableOfType(
            MaiAgentApiException.class, () -> client.getConversation("no-such-conversation"));

    assertThat(e.kind()).isEqualTo(MaiAgentApiException.Kind.NOT_FOUND);
    assertThat(e.status()).isEqualTo(404);
    assertThat(e.detail()).isEqualTo("Not found.");
    assertThat(e.body()).isEqualTo("{\"detail\":\"Not found.\"}");
    assertThat(e.isRetryable()).isFalse();
    assertThat(e)
        .hasMessage("MaiAgent answered 404 to GET conversations/no-such-conversation/: Not found.");
  }

  @Test
  void encodesAnIdIntoOnePathSegment() {
    catchThrowableOfType(MaiAgentApiException.class, () -> client.getConversation("a/../b c"));

    assertThat(mai.emulator.requests())
        .extracting(RecordedRequest::target)
        .containsExactly("/api/v1/conversations/a%2F..%2Fb%20c/");
  }

  @Test
  void wrongKeyIsAuthenticationErrorWithEmulatorsDetailAndNoKeyInMessage() {
    MaiAgentClient wrongKey = mai.client().apiKey("wrongKey123").build();

    MaiAgentApiException e =
        catchThrowableOfType(
            MaiAgentApiException.class, () -> wrongKey.createConversation("any-web-chat"));

    assertThat(e.kind()).isEqualTo(MaiAgentApiException.Kind.AUTHENTICATION);
    assertThat(e.status()).isEqualTo(401);
    assertThat(e.detail()).isEqualTo("Authentication credentials were not provided.");
    assertThat(e.isOutcomeUnknown()).isFalse();
    assertThat(e.getMessage()).doesNotContain("wrongKey123");
    assertThat(e.toString()).doesNotContain("wrongKey123");
    assertThat(mai.sleeper.waits).isEmpty();
  }

  @Test
  void malformedKeyIsAuthenticationErrorNamingTheFormat() {
    MaiAgentClient malformed = mai.client().apiKey("bad$key").build();

    MaiAgentApiException e =
        catchThrowableOfType(
            MaiAgentApiException.class, () -> malformed.getConversation("anything"));

    assertThat(e.kind()).isEqualTo(MaiAgentApiException.Kind.AUTHENTICATION);
    assertThat(e.detail()).isEqualTo("Invalid API key format.");
  }

  @Test
  void closedClientRefusesNewCalls() {
    MaiAgentClient closing = mai.client().requestTimeout(Duration.ofSeconds(1)).build();
    closing.close();

    Throwable e =
        catchThrowableOfType(IllegalStateException.class, () -> closing.getConversation("x"));

    assertThat(e).hasMessage("MaiAgentClient is closed.");
    assertThat(mai.emulator.requests()).isEmpty();
  }
}
