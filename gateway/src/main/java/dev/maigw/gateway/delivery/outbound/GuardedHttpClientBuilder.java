package dev.maigw.gateway.delivery.outbound;

import java.net.Proxy;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.io.DetachedSocketFactory;

/**
 * Settings for a {@link GuardedHttpClient}: the policy is fixed at creation, the rest have
 * defaults. Not thread-safe; build once at startup.
 */
public final class GuardedHttpClientBuilder {

  final OutboundAddressPolicy policy;
  DnsResolver names = SystemDefaultDnsResolver.INSTANCE;
  DetachedSocketFactory sockets = proxy -> new Socket(Proxy.NO_PROXY);
  Duration connectTimeout = Duration.ofSeconds(5);
  int maxConnections = 64;
  int maxConnectionsPerTarget = 8;
  String userAgent = "maiagent-gateway";

  GuardedHttpClientBuilder(OutboundAddressPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /**
   * How names are looked up (default: the system resolver). Every answer still passes the policy;
   * this is the hook for tests and for a custom DNS client, not a way around the guard.
   */
  public GuardedHttpClientBuilder dnsResolver(DnsResolver names) {
    this.names = Objects.requireNonNull(names, "names");
    return this;
  }

  /** Longest wait for a TCP connect (default 5 s); the per-call deadline still applies. */
  public GuardedHttpClientBuilder connectTimeout(Duration connectTimeout) {
    if (connectTimeout.isZero() || connectTimeout.isNegative()) {
      throw new IllegalArgumentException(
          "The connect timeout must be positive: " + connectTimeout + ".");
    }
    this.connectTimeout = connectTimeout;
    return this;
  }

  /** Pool size overall (default 64) and per target (default 8), so one slow target can't hog it. */
  public GuardedHttpClientBuilder maxConnections(int total, int perTarget) {
    if (total < 1 || perTarget < 1 || perTarget > total) {
      throw new IllegalArgumentException(
          "Connection limits must be 1 <= perTarget <= total: " + perTarget + ", " + total + ".");
    }
    this.maxConnections = total;
    this.maxConnectionsPerTarget = perTarget;
    return this;
  }

  /** The {@code User-Agent} header (default {@code maiagent-gateway}). */
  public GuardedHttpClientBuilder userAgent(String userAgent) {
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
    return this;
  }

  /** Where sockets come from; tests plug in a kill switch here. */
  GuardedHttpClientBuilder socketFactory(DetachedSocketFactory sockets) {
    this.sockets = Objects.requireNonNull(sockets, "sockets");
    return this;
  }

  public GuardedHttpClient build() {
    return new GuardedHttpClient(this);
  }
}
