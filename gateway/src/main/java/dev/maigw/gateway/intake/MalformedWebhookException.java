package dev.maigw.gateway.intake;

import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;
import dev.maigw.sdk.webhook.WebhookFormatProblem;
import java.util.Map;

/**
 * An authenticated body that is not a readable MaiAgent reply; it has been quarantined. Answered
 * 400 (syntax) or 422 (schema) with the reader's specific code and the quarantine id.
 */
class MalformedWebhookException extends GatewayException {

  private final WebhookFormatProblem formatProblem;
  private final long quarantineId;
  private final String messageId;

  /**
   * @param messageId the body's message id when it could be read, else null
   */
  MalformedWebhookException(
      WebhookFormatProblem formatProblem, String detail, long quarantineId, String messageId) {
    super(formatProblem.isSyntax() ? Problem.UNREADABLE_BODY : Problem.INVALID_BODY, detail);
    this.formatProblem = formatProblem;
    this.quarantineId = quarantineId;
    this.messageId = messageId;
  }

  /** The body's message id when it could be read, else null; for the log line, not the answer. */
  String messageId() {
    return messageId;
  }

  @Override
  public String code() {
    return formatProblem.code();
  }

  @Override
  public Map<String, Object> properties() {
    return Map.of("quarantineId", quarantineId);
  }
}
