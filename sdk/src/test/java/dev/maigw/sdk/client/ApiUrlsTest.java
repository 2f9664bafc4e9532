package dev.maigw.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Ids stay one path segment; page links give only their query. */
class ApiUrlsTest {

  @Test
  void keepsUuidsAndEncodesEverythingElse() {
    assertThat(ApiUrls.segment("28da19c8-58a4-44d8-94e7-5a99294c4583", "id"))
        .isEqualTo("28da19c8-58a4-44d8-94e7-5a99294c4583");
    assertThat(ApiUrls.segment("a/b?c#d 對", "id")).isEqualTo("a%2Fb%3Fc%23d%20%E5%B0%8D");
  }

  @Test
  void refusesDotSegments() {
    assertThatThrownBy(() -> ApiUrls.segment("..", "conversationId"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("conversationId must be a non-blank id.");
  }

  @Test
  void queryLeavesOutNullValuesAndEncodesTheRest() {
    assertThat(ApiUrls.query("conversation", "a b&c", "cursor", null, "pageSize", "2"))
        .isEqualTo("conversation=a+b%26c&pageSize=2");
  }

  @Test
  void nextLinkGivesItsRawQuery() {
    assertThat(ApiUrls.queryOf("https://api.maiagent.ai/api/v1/inboxes/?page=2&pageSize=10"))
        .isEqualTo("page=2&pageSize=10");
    assertThat(ApiUrls.isLink("cD0yMDI1")).isFalse();
  }
}
