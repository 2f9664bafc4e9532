package dev.maigw.gateway.delivery.outbound;

import dev.maigw.gateway.system.net.HostSyntax;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.DnsResolver;

/**
 * A resolver that knows only the names it is given, so tests never send a DNS query. A name can
 * have a sequence of answers (for rebinding): each lookup takes the next, the last one repeats.
 */
final class StubDns implements DnsResolver {

  private final Map<String, Deque<InetAddress[]>> answers = new ConcurrentHashMap<>();
  private final AtomicInteger lookups = new AtomicInteger();

  /** Adds one answer for {@code name}; literals only, so building it resolves nothing. */
  StubDns answer(String name, String... literals) {
    InetAddress[] addresses =
        Arrays.stream(literals).map(StubDns::literal).toArray(InetAddress[]::new);
    return answer(name, addresses);
  }

  StubDns answer(String name, InetAddress... addresses) {
    answers.computeIfAbsent(name, n -> new ArrayDeque<>()).addLast(addresses);
    return this;
  }

  /** An IPv6 address kept as IPv6, even when it is IPv4-mapped (the JDK would convert it). */
  static InetAddress ipv6(String literal) {
    byte[] bytes = literal(literal).getAddress();
    try {
      return Inet6Address.getByAddress(null, bytes.length == 16 ? bytes : mapped(bytes), -1);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }

  int lookups() {
    return lookups.get();
  }

  @Override
  public synchronized InetAddress[] resolve(String host) throws UnknownHostException {
    lookups.incrementAndGet();
    Deque<InetAddress[]> queue = answers.get(host);
    if (queue == null) {
      throw new UnknownHostException(host + ": not in the stub");
    }
    return queue.size() > 1 ? queue.pollFirst() : queue.peekFirst();
  }

  @Override
  public String resolveCanonicalHostname(String host) {
    return host;
  }

  private static InetAddress literal(String text) {
    InetAddress address = HostSyntax.literalAddress(text);
    if (address == null) {
      throw new IllegalArgumentException("Not an IP literal: " + text);
    }
    return address;
  }

  private static byte[] mapped(byte[] ipv4) {
    byte[] bytes = new byte[16];
    bytes[10] = (byte) 0xFF;
    bytes[11] = (byte) 0xFF;
    System.arraycopy(ipv4, 0, bytes, 12, 4);
    return bytes;
  }
}
