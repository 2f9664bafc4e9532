package dev.maigw.gateway.delivery.outbound;

import dev.maigw.gateway.system.net.HostSyntax;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Refuses, when a target is created or changed, a URL the {@link GuardedHttpClient} would refuse at
 * every attempt: the same lookup ({@link PolicyDnsResolver}) and the same rule ({@link
 * OutboundAddressPolicy}), applied once up front so the integrator hears about it at once instead
 * of finding a delivery pending for days. Thread-safe.
 *
 * <p>A name that does not resolve at the moment passes: DNS may be briefly down, or the record not
 * yet published, and a refusal would then stop a start or a change that is fine. Its deliveries
 * fail with {@code unknown_host} (visible in the target's health) until it resolves, and the client
 * still checks every address it resolves to later.
 */
public final class TargetAddressCheck {

  private final OutboundAddressPolicy policy;
  private final PolicyDnsResolver resolver;

  public TargetAddressCheck(OutboundAddressPolicy policy, DnsResolver names) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.resolver = new PolicyDnsResolver(names, policy);
  }

  /**
   * Resolves {@code url}'s host (literals without DNS) and checks every address.
   *
   * @throws TargetNotAllowedException naming the host, the refused address and its range, and the
   *     allow entries that would open it
   */
  public void requireDeliverable(TargetUrl url) {
    InetAddress[] addresses;
    try {
      addresses = resolver.lookUp(url.host());
    } catch (UnknownHostException e) {
      return;
    }
    for (InetAddress address : addresses) {
      Optional<OutboundAddressPolicy.Refusal> refusal =
          policy.refusalOf(url.host(), url.port(), address);
      if (refusal.isPresent()) {
        throw refused(url, refusal.get());
      }
    }
  }

  private static TargetNotAllowedException refused(
      TargetUrl url, OutboundAddressPolicy.Refusal refusal) {
    String prefix = refusal.metadata() ? AllowEntry.METADATA_PREFIX : "";
    String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
    String address = refusal.address().getHostAddress();
    String form = refusal.form().getHostAddress();
    String where =
        (HostSyntax.literalAddress(url.host()) != null ? " is" : " resolves to " + address)
            + (form.equals(address) ? "" : " (wrapping " + form + ")")
            + " in "
            + refusal.range();
    String kind = refusal.metadata() ? "a cloud metadata address" : "not a public address";
    return new TargetNotAllowedException(
        "host " + host + where + ", " + kind,
        List.of(prefix + form, prefix + host + ":" + url.port()));
  }
}
