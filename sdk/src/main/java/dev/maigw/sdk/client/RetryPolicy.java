package dev.maigw.sdk.client;

import java.net.http.HttpHeaders;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Which failures are repeated, how often and after how long. A call is repeated only when doing so
 * cannot create anything twice:
 *
 * <ul>
 *   <li>idempotent calls (GETs, the presign request, the storage upload): on any transport failure
 *       and on 429, 502, 503, 504;
 *   <li>other calls (POSTs that create): only when nothing was sent (connection refused or connect
 *       timeout) or on 429 with a {@code Retry-After} (MaiAgent refused the call without doing it).
 * </ul>
 *
 * <p>The wait is MaiAgent's {@code Retry-After} when given, capped at {@code maxRetryAfter};
 * otherwise exponential from {@code initialBackoff}, capped at {@code maxBackoff}, with jitter
 * taking it down to as little as half.
 *
 * @param maxRetries repeats after the first attempt (0 = no retries)
 */
record RetryPolicy(
    int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

  RetryPolicy {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be zero or more: " + maxRetries);
    }
    requirePositive("initialBackoff", initialBackoff);
    requirePositive("maxBackoff", maxBackoff);
    requirePositive("maxRetryAfter", maxRetryAfter);
  }

  boolean retriesTransportFailure(boolean idempotent, boolean nothingSent) {
    return idempotent || nothingSent;
  }

  boolean retriesStatus(int status, boolean idempotent, boolean hasRetryAfter) {
    if (status == 429) {
      return idempotent || hasRetryAfter;
    }
    return idempotent && (status == 502 || status == 503 || status == 504);
  }

  /**
   * The wait before retry number {@code retry} (1 for the first).
   *
   * @param retryAfter MaiAgent's Retry-After, or null
   * @param jitter a random number from 0 (half the wait) to 1 (the full wait)
   */
  Duration delay(int retry, Duration retryAfter, double jitter) {
    if (retryAfter != null) {
      return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
    }
    long ceiling = maxBackoff.toMillis();
    long exponential = initialBackoff.toMillis() << Math.min(retry - 1, 20);
    long capped = Math.min(exponential, ceiling);
    return Duration.ofMillis(Math.round(capped * (0.5 + jitter / 2)));
  }

  /**
   * Reads {@code Retry-After} as delay-seconds or an HTTP date relative to {@code now}.
   *
   * @return the wait (zero or more), or null if absent or unreadable
   */
  static Duration retryAfter(HttpHeaders headers, Instant now) {
    String value = headers.firstValue("Retry-After").map(String::strip).orElse(null);
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.matches("\\d{1,9}")) {
      return Duration.ofSeconds(Long.parseLong(value));
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be more than zero: " + value);
    }
  }
}
