package dev.maigw.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The repeat rules and waits, as data. */
class RetryPolicyTest {

  private static final RetryPolicy POLICY =
      new RetryPolicy(2, Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofSeconds(10));

  @ParameterizedTest
  @ValueSource(ints = {429, 502, 503, 504})
  void readsAreRepeatedOnTransientStatuses(int status) {
    assertThat(POLICY.retriesStatus(status, true, false)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 404, 500, 501})
  void readsAreNotRepeatedOnOtherStatuses(int status) {
    assertThat(POLICY.retriesStatus(status, true, true)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504})
  void creatingCallsAreNeverRepeatedOnServerErrors(int status) {
    assertThat(POLICY.retriesStatus(status, false, true)).isFalse();
  }

  @Test
  void creatingCallsAreRepeatedOn429OnlyWithRetryAfter() {
    assertThat(POLICY.retriesStatus(429, false, true)).isTrue();
    assertThat(POLICY.retriesStatus(429, false, false)).isFalse();
  }

  @Test
  void creatingCallsAreRepeatedAfterTransportFailureOnlyWhenNothingWasSent() {
    assertThat(POLICY.retriesTransportFailure(false, true)).isTrue();
    assertThat(POLICY.retriesTransportFailure(false, false)).isFalse();
    assertThat(POLICY.retriesTransportFailure(true, false)).isTrue();
  }

  @Test
  void backoffDoublesUpToTheCapWithJitterDownToHalf() {
    assertThat(POLICY.delay(1, null, 1.0)).isEqualTo(Duration.ofMillis(250));
    assertThat(POLICY.delay(1, null, 0.0)).isEqualTo(Duration.ofMillis(125));
    assertThat(POLICY.delay(3, null, 1.0)).isEqualTo(Duration.ofMillis(1000));
    assertThat(POLICY.delay(30, null, 1.0)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void retryAfterReplacesBackoffButIsCapped() {
    assertThat(POLICY.delay(1, Duration.ofSeconds(3), 0.0)).isEqualTo(Duration.ofSeconds(3));
    assertThat(POLICY.delay(1, Duration.ofHours(1), 0.0)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void readsRetryAfterAsSecondsOrHttpDate() {
    Instant now = Instant.parse("2025-05-20T06:41:12Z");

    assertThat(RetryPolicy.retryAfter(headers("120"), now)).isEqualTo(Duration.ofSeconds(120));
    assertThat(RetryPolicy.retryAfter(headers("Tue, 20 May 2025 06:41:42 GMT"), now))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(RetryPolicy.retryAfter(headers("Tue, 20 May 2025 06:00:00 GMT"), now))
        .isEqualTo(Duration.ZERO);
    assertThat(RetryPolicy.retryAfter(headers("soon"), now)).isNull();
    assertThat(RetryPolicy.retryAfter(HttpHeaders.of(Map.of(), (a, b) -> true), now)).isNull();
  }

  private static HttpHeaders headers(String retryAfter) {
    return HttpHeaders.of(Map.of("Retry-After", List.of(retryAfter)), (a, b) -> true);
  }
}
