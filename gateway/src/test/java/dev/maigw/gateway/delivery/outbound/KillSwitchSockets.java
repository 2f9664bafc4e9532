package dev.maigw.gateway.delivery.outbound;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.io.DetachedSocketFactory;

/**
 * The test's socket-level kill switch: counts every socket and every connect, and throws on any
 * connect to a non-loopback address, so a broken guard can never put a packet on the network.
 * Sockets never use a proxy.
 */
final class KillSwitchSockets implements DetachedSocketFactory {

  private final AtomicInteger created = new AtomicInteger();
  private final List<SocketAddress> connects = new CopyOnWriteArrayList<>();

  @Override
  public Socket create(Proxy proxy) {
    created.incrementAndGet();
    return new GuardSocket();
  }

  /** Sockets the client asked for. */
  int created() {
    return created.get();
  }

  /** Every address a connect was attempted to, loopback or not, in order. */
  List<SocketAddress> connects() {
    return List.copyOf(connects);
  }

  private final class GuardSocket extends Socket {

    GuardSocket() {
      super(Proxy.NO_PROXY);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
      connects.add(endpoint);
      if (!(endpoint instanceof InetSocketAddress address)
          || address.getAddress() == null
          || !address.getAddress().isLoopbackAddress()) {
        throw new SocketException("Kill switch: connect to " + endpoint + " blocked");
      }
      super.connect(endpoint, timeout);
    }
  }
}
