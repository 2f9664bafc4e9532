package dev.maigw.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import dev.maigw.gateway.support.Fixtures;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

  private static final byte[] BODY = Fixtures.sample("doc-reply-two-citations.json");

  @Test
  void signsSoTheReferenceLibraryVerifies() throws Exception {
    String secret = SigningSecret.generate();

    Map<String, String> headers = WebhookSigner.headers(secret, "dlv_1", Instant.now(), BODY);

    new Webhook(secret)
        .verify(new String(BODY, java.nio.charset.StandardCharsets.UTF_8), asLists(headers));
    assertThat(headers.get("webhook-signature")).startsWith("v1,");
    assertThat(headers.get("webhook-id")).isEqualTo("dlv_1");
  }

  @Test
  void aSignatureDoesNotVerifyForAnotherBody() {
    String secret = SigningSecret.generate();
    Map<String, String> headers = WebhookSigner.headers(secret, "dlv_2", Instant.now(), BODY);

    assertThatThrownBy(() -> new Webhook(secret).verify("{\"tampered\":true}", asLists(headers)))
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void refusesSecretsShorterThan24Bytes() {
    assertThatThrownBy(() -> SigningSecret.normalise("whsec_c2hvcnQ="))
        .hasMessage("The signing secret must hold 24 to 64 bytes; it holds 5.");
  }

  @Test
  void acceptsASecretWithoutThePrefix() {
    String generated = SigningSecret.generate();
    String bare = generated.substring(SigningSecret.PREFIX.length());

    assertThat(SigningSecret.normalise(bare)).isEqualTo(generated);
  }

  private static Map<String, List<String>> asLists(Map<String, String> headers) {
    Map<String, List<String>> lists = new HashMap<>();
    headers.forEach((k, v) -> lists.put(k, List.of(v)));
    return lists;
  }
}
