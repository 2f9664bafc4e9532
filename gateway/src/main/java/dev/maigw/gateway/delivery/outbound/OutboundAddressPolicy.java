package dev.maigw.gateway.delivery.outbound;

import dev.maigw.gateway.system.net.AddressRange;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether the gateway may connect to an address a target URL led to (reliability goal S5).
 * Immutable and thread-safe.
 *
 * <p>Refused by default: every range in the default deny list (loopback, private, shared,
 * link-local, unspecified, multicast, reserved, documentation, unique-local and site-local IPv6),
 * and IPv6 addresses that wrap a refused IPv4 address (IPv4-mapped, IPv4-compatible, NAT64, 6to4),
 * which are judged as themselves and as the wrapped address. Cloud metadata addresses ({@code
 * 169.254.0.0/16}, {@code 100.100.100.200}, {@code fd00:ec2::254}) open only through an entry with
 * the {@code metadata:} prefix: a broad CIDR such as {@code 0.0.0.0/0} never opens them.
 *
 * <p>The allow list is comma-separated, as in the environment variable {@value #ALLOW_ENV} (Spring
 * property {@code maigw.forward.allow}; default empty, so every denied range stays refused). Each
 * entry is a CIDR block ({@code 10.1.0.0/16}, {@code ::1/128}) that opens addresses inside it
 * whatever name led there, or an exact {@code host:port} ({@code hooks.internal:8443}, {@code
 * 127.0.0.1:9000}, {@code [::1]:9000}) that opens whatever that one host resolves to, on that port
 * only. Either may be prefixed with {@code metadata:} to also open metadata addresses.
 */
public final class OutboundAddressPolicy {

  /** Environment variable holding the allow list. */
  public static final String ALLOW_ENV = "MAIGW_FORWARD_ALLOW";

  private final List<AllowEntry> allow;

  private OutboundAddressPolicy(List<AllowEntry> allow) {
    this.allow = List.copyOf(allow);
  }

  /** The default: nothing in the deny list is allowed. */
  public static OutboundAddressPolicy denyPrivate() {
    return new OutboundAddressPolicy(List.of());
  }

  /**
   * A policy from a comma-separated allow list; {@code null} or blank means {@link #denyPrivate()}.
   *
   * @throws IllegalArgumentException naming the first entry that is neither a CIDR block nor an
   *     exact {@code host:port}
   */
  public static OutboundAddressPolicy parse(String allowList) {
    List<AllowEntry> entries = new ArrayList<>();
    if (allowList != null) {
      for (String entry : allowList.split(",")) {
        if (!entry.isBlank()) {
          entries.add(AllowEntry.parse(entry));
        }
      }
    }
    return new OutboundAddressPolicy(entries);
  }

  /**
   * Why connecting to {@code address} is refused, or empty when it is allowed.
   *
   * @param host the target URL's host, which exact {@code host:port} entries match
   * @param port the target URL's effective port
   * @param address one address {@code host} resolved to (or denotes, for a literal)
   */
  public Optional<String> refusal(String host, int port, InetAddress address) {
    return refusalOf(host, port, address).map(Refusal::describe);
  }

  /** Why {@code address} is refused, as parts; see {@link #refusal}. */
  Optional<Refusal> refusalOf(String host, int port, InetAddress address) {
    List<InetAddress> forms = new ArrayList<>(2);
    forms.add(address);
    EmbeddedIpv4.of(address).ifPresent(forms::add);
    for (InetAddress form : forms) {
      Optional<AddressRange> metadata = firstContaining(SpecialRanges.METADATA, form);
      if (metadata.isPresent()) {
        if (!allowed(host, port, form, true)) {
          return Optional.of(new Refusal(address, form, metadata.get(), true));
        }
        continue;
      }
      Optional<AddressRange> denied = firstContaining(SpecialRanges.DENIED, form);
      if (denied.isPresent() && !allowed(host, port, form, false)) {
        return Optional.of(new Refusal(address, form, denied.get(), false));
      }
    }
    return Optional.empty();
  }

  /**
   * One refused address.
   *
   * @param address the address the host led to
   * @param form the address itself, or the IPv4 address it wraps, whichever was refused
   * @param range the deny-list range that holds {@code form}
   * @param metadata whether {@code range} is a cloud metadata range (opened only by {@code
   *     metadata:} entries)
   */
  record Refusal(InetAddress address, InetAddress form, AddressRange range, boolean metadata) {
    String describe() {
      String shown = address.getHostAddress();
      if (!form.equals(address)) {
        shown += " (wrapping " + form.getHostAddress() + ")";
      }
      return shown
          + " in "
          + range
          + (metadata ? " is a metadata address" : " is not a public address");
    }
  }

  /**
   * Refuses {@code address} unless allowed; see {@link #refusal}.
   *
   * @throws ForbiddenTargetException naming the host, the address and the range that refused it
   */
  public void requireAllowed(String host, int port, InetAddress address) {
    Optional<String> refusal = refusal(host, port, address);
    if (refusal.isPresent()) {
      throw new ForbiddenTargetException(
          "Forwarding to this target is not allowed: "
              + host
              + " -> "
              + refusal.get()
              + "; allow it explicitly in "
              + ALLOW_ENV
              + ".");
    }
  }

  private boolean allowed(String host, int port, InetAddress form, boolean needsMetadata) {
    for (AllowEntry entry : allow) {
      if ((!needsMetadata || entry.metadata()) && entry.permits(host, port, form)) {
        return true;
      }
    }
    return false;
  }

  private static Optional<AddressRange> firstContaining(List<AddressRange> ranges, InetAddress a) {
    return ranges.stream().filter(range -> range.contains(a)).findFirst();
  }

  /** The allow entries, for the startup banner; never contains secrets. */
  @Override
  public String toString() {
    return "OutboundAddressPolicy[allow=" + allow + "]";
  }
}
