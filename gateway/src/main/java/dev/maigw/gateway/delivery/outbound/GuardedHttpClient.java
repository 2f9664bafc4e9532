package dev.maigw.gateway.delivery.outbound;

import dev.maigw.gateway.system.DaemonThreads;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.io.ModalCloseable;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Posts to integrators' targets with the SSRF guard built in (reliability goal S5). Each new
 * connection resolves the target's host once through the {@link OutboundAddressPolicy}-checked
 * resolver and connects only to a checked address; redirects are returned, never followed; proxies
 * (system properties, {@code socksProxyHost}) are ignored; nothing is retried. Connections are
 * pooled per target and kept at most a minute, so a changed DNS answer is checked again.
 *
 * <p>One instance serves all calls concurrently; close it once at shutdown.
 */
public final class GuardedHttpClient implements AutoCloseable {

  /** Most response body bytes read; past this the connection is discarded, not drained. */
  public static final int MAX_BODY_READ_BYTES = 64 * 1024;

  private final CloseableHttpClient http;
  private final ScheduledExecutorService deadlines;

  GuardedHttpClient(GuardedHttpClientBuilder builder) {
    ConnectionConfig connections =
        ConnectionConfig.custom()
            .setConnectTimeout(Timeout.of(builder.connectTimeout))
            .setTimeToLive(TimeValue.ofMinutes(1))
            .build();
    Http1Config http1 = Http1Config.custom().setMaxHeaderCount(100).setMaxLineLength(8192).build();
    http =
        HttpClients.custom()
            .setConnectionManager(
                new GuardedConnectionManagerBuilder(builder.sockets)
                    .setDnsResolver(new PolicyDnsResolver(builder.names, builder.policy))
                    .setTlsSocketStrategy(DefaultClientTlsStrategy.createDefault())
                    .setConnectionFactory(
                        ManagedHttpClientConnectionFactory.builder().http1Config(http1).build())
                    .setDefaultConnectionConfig(connections)
                    .setMaxConnTotal(builder.maxConnections)
                    .setMaxConnPerRoute(builder.maxConnectionsPerTarget)
                    .build())
            .setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE))
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .disableContentCompression()
            .setUserAgent(builder.userAgent)
            .build();
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(1, DaemonThreads.named("outbound-deadlines"));
    timer.setRemoveOnCancelPolicy(true); // most deadlines are cancelled; don't keep them queued
    deadlines = timer;
  }

  /** A builder for a client that enforces {@code policy}. */
  public static GuardedHttpClientBuilder builder(OutboundAddressPolicy policy) {
    return new GuardedHttpClientBuilder(policy);
  }

  /**
   * POSTs {@code body} to {@code url} and returns whatever status the target answered, 3xx
   * included. At most {@link #MAX_BODY_READ_BYTES} of the response body are read. {@code
   * Content-Type} defaults to {@code application/json}.
   *
   * @param headers extra request headers; framing and connection headers are refused
   * @param timeout deadline for the whole exchange (connect, send, response, capped body read);
   *     also the longest wait for one read
   * @throws ForbiddenTargetException when the policy refuses an address the host resolves to; no
   *     connection was attempted
   * @throws OutboundCallException when no response arrived, with its {@link FailureReason}
   * @throws IllegalArgumentException for a malformed or reserved header, or a non-positive timeout
   */
  public OutboundResponse post(
      TargetUrl url, byte[] body, Map<String, String> headers, Duration timeout) {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(body, "body");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("The timeout must be positive: " + timeout + ".");
    }
    HttpPost request = new HttpPost(url.pathAndQuery());
    RequestHeaders.copy(headers, request);
    if (!request.containsHeader(HttpHeaders.CONTENT_TYPE)) {
      request.setHeader(HttpHeaders.CONTENT_TYPE, "application/json");
    }
    request.setEntity(new ByteArrayEntity(body, null));
    request.setConfig(
        RequestConfig.custom()
            .setResponseTimeout(Timeout.of(timeout))
            .setConnectionRequestTimeout(Timeout.of(timeout))
            .build());
    AtomicBoolean deadlinePassed = new AtomicBoolean();
    ScheduledFuture<?> deadline =
        deadlines.schedule(
            () -> {
              deadlinePassed.set(true);
              request.cancel();
            },
            timeout.toNanos(),
            TimeUnit.NANOSECONDS);
    try {
      return exchange(new HttpHost(url.scheme(), url.host(), url.port()), request);
    } catch (IOException e) {
      throw FailureClassifier.classify(e, url, deadlinePassed.get());
    } finally {
      deadline.cancel(false);
    }
  }

  private OutboundResponse exchange(HttpHost target, HttpPost request) throws IOException {
    long started = System.nanoTime();
    ClassicHttpResponse response = http.executeOpen(target, request, HttpClientContext.create());
    CappedBody body;
    try {
      body =
          CappedBody.read(
              response.getEntity(), MAX_BODY_READ_BYTES, OutboundResponse.SNIPPET_BYTES);
    } catch (IOException | RuntimeException e) {
      discard(request, response);
      throw e;
    }
    if (body.overCap()) {
      discard(request, response);
    } else {
      response.close(); // the body was read to its end, so the connection goes back to the pool
    }
    Duration latency = Duration.ofNanos(System.nanoTime() - started);
    return new OutboundResponse(response.getCode(), headersOf(response), body.snippet(), latency);
  }

  /** Closes the connection without reading (draining) the rest of the body. */
  private static void discard(HttpPost request, ClassicHttpResponse response) {
    request.cancel();
    if (response instanceof ModalCloseable closeable) {
      closeable.close(CloseMode.IMMEDIATE);
    }
  }

  private static Map<String, String> headersOf(ClassicHttpResponse response) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Header header : response.getHeaders()) {
      headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
    }
    return headers;
  }

  /** Closes pooled connections and stops the deadline thread; in-flight calls fail. */
  @Override
  public void close() {
    deadlines.shutdownNow();
    http.close(CloseMode.IMMEDIATE);
  }
}
