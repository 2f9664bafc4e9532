package dev.maigw.gateway.delivery.outbound;

import dev.maigw.gateway.system.Problem;

/**
 * The {@link OutboundAddressPolicy} refused a target address (private, special-purpose or cloud
 * metadata) that no allow entry covers. Thrown before any connection is attempted; answered as 400
 * {@code forbidden_target} when it reaches an API caller.
 */
public class ForbiddenTargetException extends OutboundCallException {

  public ForbiddenTargetException(String detail) {
    super(Problem.FORBIDDEN_TARGET, FailureReason.FORBIDDEN_TARGET, detail, null);
  }
}
