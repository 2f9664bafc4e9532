package dev.maigw.gateway.delivery.outbound;

import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;
import java.util.Map;

/**
 * An outbound call ended without an HTTP response. The {@link #reason()} says why, in a form the
 * delivery engine can record and count; the message names the target's origin only (never its path,
 * query or credentials). Surfaced over HTTP it answers 502 {@code target_unreachable}.
 */
public class OutboundCallException extends GatewayException {

  private final FailureReason reason;

  public OutboundCallException(FailureReason reason, String detail, Throwable cause) {
    this(Problem.TARGET_UNREACHABLE, reason, detail, cause);
  }

  protected OutboundCallException(
      Problem problem, FailureReason reason, String detail, Throwable cause) {
    super(problem, detail, cause);
    this.reason = reason;
  }

  public FailureReason reason() {
    return reason;
  }

  @Override
  public Map<String, Object> properties() {
    return Map.of("reason", reason.code());
  }
}
