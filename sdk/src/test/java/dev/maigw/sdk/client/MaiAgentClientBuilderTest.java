package dev.maigw.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Building a client: base URL normalised, the key required and never echoed. */
class MaiAgentClientBuilderTest {

  @Test
  void defaultsToMaiAgentsProductionApi() {
    MaiAgentClient client = MaiAgentClient.builder().apiKey("key").build();

    assertThat(client.baseUrl()).isEqualTo(URI.create("https://api.maiagent.ai/api/v1/"));
  }

  @Test
  void addsTheMissingTrailingSlashToTheBaseUrl() {
    MaiAgentClient client =
        MaiAgentClient.builder().baseUrl("http://127.0.0.1:8090/api/v1").apiKey("key").build();

    assertThat(client.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8090/api/v1/"));
  }

  @Test
  void requiresAnApiKey() {
    assertThatThrownBy(() -> MaiAgentClient.builder().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("apiKey is required.");
  }

  @Test
  void refusesAKeyThatCannotTravelInAHeaderWithoutQuotingIt() {
    assertThatThrownBy(() -> MaiAgentClient.builder().apiKey("secret\r\nX-Evil: 1").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("apiKey must be printable ASCII without spaces (character 7 is not).");
  }

  @Test
  void refusesARelativeBaseUrl() {
    assertThatThrownBy(() -> MaiAgentClient.builder().baseUrl("api/v1/").apiKey("k").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baseUrl must be an absolute http(s) URL: api/v1/");
  }

  @Test
  void refusesANegativeRetryCount() {
    assertThatThrownBy(() -> MaiAgentClient.builder().apiKey("k").maxRetries(-1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxRetries must be zero or more: -1");
  }
}
