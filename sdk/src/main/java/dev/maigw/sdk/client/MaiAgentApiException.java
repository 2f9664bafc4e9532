package dev.maigw.sdk.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A MaiAgent API call that did not succeed: MaiAgent answered an error status, answered something
 * unusable, or could not be reached. {@link #kind()} says which; {@link #status()} and {@link
 * #body()} carry MaiAgent's answer as received ({@code 0} and {@code ""} when there was none).
 *
 * <p>Two flags help the caller decide what to do next:
 *
 * <ul>
 *   <li>{@link #isRetryable()}: the condition is transient (rate limit, 502/503/504, network), so
 *       the same call may succeed later.
 *   <li>{@link #isOutcomeUnknown()}: a call that creates something (a message, a conversation, a
 *       completion, an attachment) may have been carried out even though it failed: the request was
 *       sent but the answer was lost, timed out, or was a 5xx. Repeating it may create a duplicate;
 *       check first (e.g. {@link MaiAgentClient#listMessages}).
 * </ul>
 *
 * <p>The message is a fixed sentence plus the call (method and API path) and MaiAgent's detail; it
 * never contains the API key.
 */
public class MaiAgentApiException extends RuntimeException {

  /** What went wrong, by MaiAgent's status or by the failure before any status. */
  public enum Kind {
    /** 400: MaiAgent rejected the request; see {@link #fieldErrors()}. */
    BAD_REQUEST,
    /** 401: the API key is missing, malformed or wrong. */
    AUTHENTICATION,
    /** 403: the key may not do this. */
    PERMISSION,
    /** 404: the conversation, message or other object does not exist. */
    NOT_FOUND,
    /** 429: too many requests; see {@link #retryAfter()}. */
    RATE_LIMITED,
    /** 5xx. */
    SERVER_ERROR,
    /** Any other non-2xx status, e.g. 405 or a redirect (redirects are not followed). */
    OTHER_STATUS,
    /** A 2xx answer whose body is not what the API documents (not JSON, or no {@code id}). */
    INVALID_RESPONSE,
    /** No answer: connection refused, timeout, I/O error or interruption ({@link #status()} 0). */
    TRANSPORT;

    static Kind ofStatus(int status) {
      return switch (status) {
        case 400 -> BAD_REQUEST;
        case 401 -> AUTHENTICATION;
        case 403 -> PERMISSION;
        case 404 -> NOT_FOUND;
        case 429 -> RATE_LIMITED;
        default -> status >= 500 && status <= 599 ? SERVER_ERROR : OTHER_STATUS;
      };
    }
  }

  private final Kind kind;
  private final String call;
  private final int status;
  private final String body;
  private final String detail;
  private final Map<String, List<String>> fieldErrors;
  private final Duration retryAfter;
  private final boolean outcomeUnknown;

  MaiAgentApiException(ApiFailure failure, String message, Throwable cause) {
    super(message, cause);
    this.kind = failure.kind();
    this.call = failure.call();
    this.status = failure.status();
    this.body = failure.body();
    this.detail = failure.detail();
    this.fieldErrors = failure.fieldErrors();
    this.retryAfter = failure.retryAfter();
    this.outcomeUnknown = failure.outcomeUnknown();
  }

  public Kind kind() {
    return kind;
  }

  /**
   * The call that failed, method and path relative to the base URL, e.g. {@code POST messages/}.
   */
  public String call() {
    return call;
  }

  /** MaiAgent's HTTP status, or 0 when no answer arrived ({@link Kind#TRANSPORT}). */
  public int status() {
    return status;
  }

  /** MaiAgent's response body as text (at most 64 KiB), or {@code ""} when there was none. */
  public String body() {
    return body;
  }

  /**
   * A one-line human reason: DRF's {@code detail} field, else a summary of the field errors ({@code
   * content: This field may not be blank.}), else a snippet of the body or the network error.
   */
  public String detail() {
    return detail;
  }

  /**
   * DRF-style field errors from a 400 body, e.g. {@code {"webChat": ["This field may not be
   * blank."]}}; nested objects are flattened with dots ({@code message.content}). Empty otherwise.
   */
  public Map<String, List<String>> fieldErrors() {
    return fieldErrors;
  }

  /** MaiAgent's {@code Retry-After} (seconds or HTTP date), if the answer carried one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** True for 429, 502, 503, 504 and transport failures: the same call may succeed later. */
  public boolean isRetryable() {
    return switch (kind) {
      case RATE_LIMITED, TRANSPORT -> true;
      case SERVER_ERROR -> status == 502 || status == 503 || status == 504;
      default -> false;
    };
  }

  /**
   * True when a call that creates something may nevertheless have been carried out, so repeating it
   * could create a duplicate. Always false for reads and for answers that prove nothing was done
   * (4xx).
   */
  public boolean isOutcomeUnknown() {
    return outcomeUnknown;
  }
}
