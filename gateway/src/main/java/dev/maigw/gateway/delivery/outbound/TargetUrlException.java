package dev.maigw.gateway.delivery.outbound;

import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;

/**
 * A target URL is not one the gateway will call: wrong scheme, credentials in the URL, a host that
 * is neither a DNS name nor a canonical IP literal, a bad port, or too long. Answered as 400 {@code
 * invalid_target_url}. The message is a fixed sentence plus the offending part, never the whole
 * URL.
 */
public class TargetUrlException extends GatewayException {

  public TargetUrlException(String detail) {
    super(Problem.INVALID_TARGET_URL, detail);
  }
}
