package dev.maigw.gateway.delivery.outbound;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SchemePortResolver;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.DetachedSocketFactory;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.RegistryBuilder;

/**
 * A pooling connection manager whose connection operator creates sockets through a given factory.
 * The gateway's factory makes sockets that never use a proxy ({@code socksProxyHost} included);
 * tests pass a kill switch that counts and refuses connects.
 */
final class GuardedConnectionManagerBuilder extends PoolingHttpClientConnectionManagerBuilder {

  private final DetachedSocketFactory sockets;

  GuardedConnectionManagerBuilder(DetachedSocketFactory sockets) {
    this.sockets = sockets;
  }

  @Override
  protected HttpClientConnectionOperator createConnectionOperator(
      SchemePortResolver schemePortResolver,
      DnsResolver dnsResolver,
      TlsSocketStrategy tlsSocketStrategy) {
    return new DefaultHttpClientConnectionOperator(
        sockets,
        schemePortResolver,
        dnsResolver,
        RegistryBuilder.<TlsSocketStrategy>create()
            .register(URIScheme.HTTPS.id, tlsSocketStrategy)
            .build());
  }
}
