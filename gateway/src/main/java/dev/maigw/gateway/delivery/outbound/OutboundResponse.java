package dev.maigw.gateway.delivery.outbound;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * What a target answered. Any status counts as a response here, 3xx included (redirects are never
 * followed); the delivery engine decides what is a success.
 *
 * @param status the HTTP status code
 * @param headers response headers, names lower-cased, first value of each
 * @param bodySnippet the first {@value #SNIPPET_BYTES} bytes of the body, for the attempt record
 * @param latency from sending the request to the end of the (capped) body read
 */
public record OutboundResponse(
    int status, Map<String, String> headers, byte[] bodySnippet, Duration latency) {

  /** Bytes of the body kept in {@link #bodySnippet()}. */
  public static final int SNIPPET_BYTES = 1024;

  public OutboundResponse {
    headers = Map.copyOf(headers);
    bodySnippet = bodySnippet.clone();
  }

  @Override
  public byte[] bodySnippet() {
    return bodySnippet.clone();
  }

  /** Whether the status is 2xx. */
  public boolean isSuccess() {
    return status >= 200 && status <= 299;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OutboundResponse that
        && status == that.status
        && headers.equals(that.headers)
        && Arrays.equals(bodySnippet, that.bodySnippet)
        && latency.equals(that.latency);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * status + headers.hashCode()) + Arrays.hashCode(bodySnippet))
        + latency.hashCode();
  }

  @Override
  public String toString() {
    return "OutboundResponse[status="
        + status
        + ", headers="
        + headers.size()
        + ", bodySnippet="
        + bodySnippet.length
        + " bytes, latency="
        + latency
        + "]";
  }
}
