package dev.maigw.emulator.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.maigw.emulator.system.HttpProblemException;
import org.junit.jupiter.api.Test;

class ApiKeyAuthenticatorTest {
  private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator("emulator-key");

  private static String detailOf(Runnable call) {
    try {
      call.run();
    } catch (HttpProblemException e) {
      assertThat(e.status()).isEqualTo(401);
      return e.body().get("detail").asString();
    }
    throw new AssertionError("expected a 401");
  }

  @Test
  void acceptsTheConfiguredKey() {
    assertThatCode(() -> authenticator.authenticate("Api-Key emulator-key"))
        .doesNotThrowAnyException();
  }

  @Test
  void missingOrBlankHeaderIsNotProvided() {
    assertThat(detailOf(() -> authenticator.authenticate(null)))
        .isEqualTo(ApiKeyAuthenticator.NOT_PROVIDED);
    assertThat(detailOf(() -> authenticator.authenticate("  ")))
        .isEqualTo(ApiKeyAuthenticator.NOT_PROVIDED);
  }

  @Test
  void wellFormedWrongKeyIsNotProvided() {
    assertThat(detailOf(() -> authenticator.authenticate("Api-Key abc123")))
        .isEqualTo(ApiKeyAuthenticator.NOT_PROVIDED);
  }

  @Test
  void otherSchemesExtraWordsAndSymbolsAreInvalidFormat() {
    assertThat(detailOf(() -> authenticator.authenticate("Bearer abc123")))
        .isEqualTo(ApiKeyAuthenticator.INVALID_FORMAT);
    assertThat(detailOf(() -> authenticator.authenticate("Api-Key a b")))
        .isEqualTo(ApiKeyAuthenticator.INVALID_FORMAT);
    assertThat(detailOf(() -> authenticator.authenticate("Api-Key k3y/with+slash")))
        .isEqualTo(ApiKeyAuthenticator.INVALID_FORMAT);
    assertThat(detailOf(() -> authenticator.authenticate("abc123")))
        .isEqualTo(ApiKeyAuthenticator.INVALID_FORMAT);
  }

  @Test
  void keyWithoutItsSchemeIsRefused() {
    assertThatThrownBy(() -> authenticator.authenticate("emulator-key"))
        .isInstanceOf(HttpProblemException.class);
  }
}
