package dev.maigw.gateway.delivery.outbound;

import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;
import java.util.List;
import java.util.Map;

/**
 * A target URL's host is, or resolves to, an address the {@link OutboundAddressPolicy} refuses, so
 * nothing could ever be delivered there. Answered as 422 {@code target_url_not_allowed} when a
 * target is created or changed; the detail names {@value OutboundAddressPolicy#ALLOW_ENV} and the
 * entries that would open the address. Never carries the URL's path or query.
 */
public class TargetNotAllowedException extends GatewayException {

  private final String reason;
  private final List<String> allowEntries;

  TargetNotAllowedException(String reason, List<String> allowEntries) {
    super(Problem.TARGET_URL_NOT_ALLOWED, detail(reason, allowEntries));
    this.reason = reason;
    this.allowEntries = List.copyOf(allowEntries);
  }

  /** What is refused, e.g. "host localhost resolves to 127.0.0.1 in 127.0.0.0/8, not public". */
  public String reason() {
    return reason;
  }

  /** Entries that would open this target in {@value OutboundAddressPolicy#ALLOW_ENV}. */
  public List<String> allowEntries() {
    return allowEntries;
  }

  /** How to allow it, e.g. "add '127.0.0.1' or 'localhost:9000' to MAIGW_FORWARD_ALLOW ...". */
  public String fix() {
    return "add "
        + String.join(" or ", allowEntries.stream().map(e -> "'" + e + "'").toList())
        + " to "
        + OutboundAddressPolicy.ALLOW_ENV
        + " (comma-separated) and restart the gateway, or use a public address";
  }

  @Override
  public Map<String, Object> properties() {
    return Map.of("allowEntries", allowEntries);
  }

  private static String detail(String reason, List<String> allowEntries) {
    return "The target URL's "
        + reason
        + ", so nothing could ever be delivered there. To forward to it anyway, add "
        + String.join(" or ", allowEntries.stream().map(e -> "'" + e + "'").toList())
        + " to "
        + OutboundAddressPolicy.ALLOW_ENV
        + " (comma-separated) and restart the gateway.";
  }
}
