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

  MalformedWebhookException(WebhookFormatProblem formatProblem, String detail, long quarantineId) {
    super(formatProblem.isSyntax() ? Problem.UNREADABLE_BODY : Problem.INVALID_BODY, detail);
    this.formatProblem = formatProblem;
    this.quarantineId = quarantineId;
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
