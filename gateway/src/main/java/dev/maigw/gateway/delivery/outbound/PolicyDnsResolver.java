package dev.maigw.gateway.delivery.outbound;

import dev.maigw.gateway.system.net.HostSyntax;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The one place a target's host becomes addresses: literals are parsed without DNS, names are
 * looked up once through the wrapped resolver, and every address is checked by the policy. If
 * <em>any</em> address is refused, the whole target is refused: a name that mixes public and
 * private answers is either misconfigured or a rebinding attempt, and refusing it keeps the result
 * independent of which address the client would try first. The connection operator connects only to
 * the addresses returned here, so nothing is resolved a second time.
 */
final class PolicyDnsResolver implements DnsResolver {

  private final DnsResolver names;
  private final OutboundAddressPolicy policy;

  PolicyDnsResolver(DnsResolver names, OutboundAddressPolicy policy) {
    this.names = names;
    this.policy = policy;
  }

  @Override
  public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
    List<InetSocketAddress> checked = new ArrayList<>();
    for (InetAddress address : lookUp(host)) {
      policy.requireAllowed(host, port, address);
      checked.add(new InetSocketAddress(address, port));
    }
    return checked;
  }

  /** Without a port, exact {@code host:port} allow entries cannot match: stricter, never looser. */
  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    InetAddress[] addresses = lookUp(host);
    for (InetAddress address : addresses) {
      policy.requireAllowed(host, -1, address);
    }
    return addresses;
  }

  /** No reverse lookups: the host is returned as given. */
  @Override
  public String resolveCanonicalHostname(String host) {
    return host;
  }

  /** The addresses {@code host} denotes or resolves to, unchecked. */
  InetAddress[] lookUp(String host) throws UnknownHostException {
    InetAddress literal = HostSyntax.literalAddress(host);
    if (literal != null) {
      return new InetAddress[] {literal};
    }
    if (!HostSyntax.isDnsName(host)) {
      throw new ForbiddenTargetException(
          "Forwarding to this target is not allowed: '" + host + "' is not a valid host name.");
    }
    InetAddress[] found = names.resolve(host);
    if (found == null || found.length == 0) {
      throw new UnknownHostException(host + ": no addresses");
    }
    return found.clone();
  }
}
