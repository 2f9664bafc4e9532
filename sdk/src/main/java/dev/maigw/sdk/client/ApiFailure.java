package dev.maigw.sdk.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The facts of one failed call, gathered before the {@link MaiAgentApiException} is built.
 *
 * @param call method and API path, e.g. {@code GET conversations/abc/}
 * @param status MaiAgent's status, 0 when no answer arrived
 * @param body the body as text, capped; {@code ""} when none
 * @param retryAfter MaiAgent's Retry-After, or null
 * @param outcomeUnknown whether a creating call may have been carried out anyway
 */
record ApiFailure(
    MaiAgentApiException.Kind kind,
    String call,
    int status,
    String body,
    String detail,
    Map<String, List<String>> fieldErrors,
    Duration retryAfter,
    boolean outcomeUnknown) {

  MaiAgentApiException toException(Throwable cause) {
    String message =
        switch (kind) {
          case TRANSPORT -> "MaiAgent call " + call + " failed without an answer: " + detail;
          case INVALID_RESPONSE ->
              "MaiAgent answered " + call + " with " + status + " and an unusable body: " + detail;
          default -> "MaiAgent answered " + status + " to " + call + ": " + detail;
        };
    return new MaiAgentApiException(this, message, cause);
  }
}
