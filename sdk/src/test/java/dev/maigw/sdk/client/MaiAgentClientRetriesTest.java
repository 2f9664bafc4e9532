package dev.maigw.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.maigw.emulator.fault.ApiErrorPlan;
import dev.maigw.emulator.fault.Faults;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Which failures are repeated: reads on 429/503 and network errors; creating POSTs only when
 * nothing was sent or on 429 with Retry-After. Waits are recorded, not slept.
 */
class MaiAgentClientRetriesTest {

  @RegisterExtension static final TestEmulator mai = new TestEmulator();

  private final MaiAgentClient client = mai.client().build();

  @Test
  void getIsRepeatedAfter429AndWaitsTheRetryAfter() {
    String id = client.createConversation("any-web-chat").id();
    mai.emulator.failNextApiCalls(ApiErrorPlan.of(429, 1).forPath("conversations/"));

    assertThat(client.getConversation(id).id()).isEqualTo(id);

    assertThat(mai.requests("GET", "/api/v1/conversations/")).hasSize(2);
    assertThat(mai.sleeper.waits).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void getIsRepeatedAfter503sUntilItSucceeds() {
    mai.emulator.failNextApiCalls(ApiErrorPlan.of(503, 2).forPath("inboxes/"));

    assertThat(client.listInboxes()).hasSize(5);

    assertThat(mai.requests("GET", "/api/v1/inboxes/")).hasSize(3);
    assertThat(mai.sleeper.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void getGivesUpAfterMaxRetriesWithTheLastStatus() {
    mai.emulator.failNextApiCalls(ApiErrorPlan.of(503, 3).forPath("inboxes/"));

    MaiAgentApiException e =
        catchThrowableOfType(MaiAgentApiException.class, () -> client.listInboxes());

    assertThat(e.kind()).isEqualTo(MaiAgentApiException.Kind.SERVER_ERROR);
    assertThat(e.status()).isEqualTo(503);
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
    assertThat(mai.requests("GET", "/api/v1/inboxes/")).hasSize(3);
  }

  @Test
  void retryAfterIsCappedAtMaxRetryAfter() {
    MaiAgentClient capped = mai.client().maxRetryAfter(Duration.ofMillis(300)).build();
    mai.emulator.failNextApiCalls(ApiErrorPlan.of(429, 1).forPath("inboxes/"));

    capped.listInboxes();

    assertThat(mai.sleeper.waits).containsExactly(Duration.ofMillis(300));
  }

  @Test
  void getIsNotRepeatedAfter500() {
    mai.emulator.failNextApiCalls(ApiErrorPlan.of(500, 1).forPath("inboxes/"));

    MaiAgentApiException e =
        catchThrowableOfType(MaiAgentApiException.class, () -> client.listInboxes());

    assertThat(e.status()).isEqualTo(500);
    assertThat(e.isRetryable()).isFalse();
    assertThat(mai.requests("GET", "/api/v1/inboxes/")).hasSize(1);
  }

  @Test
  void sendMessageIsNotRepeatedAfter503AndReportsOutcomeUnknown() {
    String conversation = client.createConversation("any-web-chat").id();
    mai.emulator.failNextApiCalls(ApiErrorPlan.of(503, 1).forPath("messages/"));

    MaiAgentApiException e =
        catchThrowableOfType(
            MaiAgentApiException.class, () -> client.sendMessage(conversation, "hello", null));

    assertThat(e.kind()).isEqualTo(MaiAgentApiException.Kind.SERVER_ERROR);
    assertThat(e.isOutcomeUnknown()).isTrue();
    assertThat(mai.requests("POST", "/api/v1/messages/")).hasSize(1);
    assertThat(mai.sleeper.waits).isEmpty();
  }

  @Test
  void sendMessageIsRepeatedAfter429WithRetryAfterAndStoredOnce() {
    String conversation = client.createConversation("any-web-chat").id();
    mai.emulator.failNextApiCalls(ApiErrorPlan.of(429, 1).forPath("messages/"));

    client.sendMessage(conversation, "hello", null);

    assertThat(mai.requests("POST", "/api/v1/messages/")).hasSize(2);
    assertThat(mai.emulator.messages(conversation)).hasSize(1);
    assertThat(mai.sleeper.waits).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void sendMessageIsNotRepeatedAfterATimeout() {
    String conversation = client.createConversation("any-web-chat").id();
    mai.emulator.setFaults(Faults.none().withReceiptDelay(Duration.ofMillis(500)));
    MaiAgentClient impatient = mai.client().requestTimeout(Duration.ofMillis(150)).build();

    MaiAgentApiException e =
        catchThrowableOfType(
            MaiAgentApiException.class, () -> impatient.sendMessage(conversation, "hello", null));

    assertThat(e.kind()).isEqualTo(MaiAgentApiException.Kind.TRANSPORT);
    assertThat(e.status()).isZero();
    assertThat(e.isOutcomeUnknown()).isTrue();
    assertThat(mai.emulator.messages(conversation)).hasSize(1);
    assertThat(mai.sleeper.waits).isEmpty();
    // The emulator logs the request once its delayed answer is written.
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(mai.requests("POST", "/api/v1/messages/")).hasSize(1));
  }

  @Test
  void postIsRepeatedWhenTheConnectionIsRefusedSinceNothingWasSent() {
    MaiAgentClient refused = mai.client().baseUrl(TestEmulator.refusingBaseUrl()).build();

    MaiAgentApiException e =
        catchThrowableOfType(
            MaiAgentApiException.class, () -> refused.createConversation("any-web-chat"));

    assertThat(e.kind()).isEqualTo(MaiAgentApiException.Kind.TRANSPORT);
    assertThat(e.isOutcomeUnknown()).isFalse();
    assertThat(e.isRetryable()).isTrue();
    assertThat(e)
        .hasMessageStartingWith("MaiAgent call POST conversations/ failed without an answer");
    assertThat(mai.sleeper.waits).hasSize(2);
  }

  @Test
  void noRetriesWhenMaxRetriesIsZero() {
    MaiAgentClient once = mai.client().maxRetries(0).build();
    mai.emulator.failNextApiCalls(ApiErrorPlan.of(503, 1).forPath("inboxes/"));

    catchThrowableOfType(MaiAgentApiException.class, once::listInboxes);

    assertThat(mai.requests("GET", "/api/v1/inboxes/")).hasSize(1);
    assertThat(mai.sleeper.waits).isEmpty();
  }
}
