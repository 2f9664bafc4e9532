package dev.maigw.emulator.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Makes one webhook POST and reports what happened; never throws. */
public final class WebhookSender {
  private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());
  private static final int SNIPPET_CHARS = 500;

  /** The error of an attempt the drop-webhooks fault swallowed. */
  public static final String DROPPED = "dropped by the dropWebhooks fault";

  private final HttpClient client;
  private final WebhookTarget target;
  private final Duration timeout;
  private final Clock clock;

  /**
   * @param client must not follow redirects: a redirect could lead off this machine
   * @param timeout how long one attempt may take before it counts as failed
   */
  public WebhookSender(HttpClient client, WebhookTarget target, Duration timeout, Clock clock) {
    this.client = client;
    this.target = target;
    this.timeout = timeout;
    this.clock = clock;
  }

  public DeliveryAttempt send(String deliveryId, int attempt, Outbound outbound) {
    URI url = target.current();
    Instant startedAt = clock.instant();
    long started = System.nanoTime();
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", "MaiAgent-Emulator/1")
            .POST(HttpRequest.BodyPublishers.ofByteArray(outbound.body()))
            .build();
    Integer status = null;
    String error = null;
    String snippet = null;
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      status = response.statusCode();
      snippet = cut(response.body());
    } catch (IOException | RuntimeException e) {
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    }
    long latencyMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
    LOG.log(
        Level.INFO,
        "Webhook for message {0} (delivery {1}) attempt {2} to {3}: {4}",
        new Object[] {
          outbound.messageId(), deliveryId, attempt, url, status != null ? status : error
        });
    return new DeliveryAttempt(
        deliveryId,
        outbound.messageId(),
        attempt,
        url,
        startedAt,
        status,
        error,
        snippet,
        latencyMillis);
  }

  /**
   * The attempt the drop-webhooks fault makes instead of sending: nothing leaves this process, and
   * it fails like a receiver that cannot be reached.
   */
  public DeliveryAttempt dropped(String deliveryId, int attempt, Outbound outbound) {
    URI url = target.current();
    LOG.log(
        Level.INFO,
        "Webhook for message {0} (delivery {1}) attempt {2} dropped by fault",
        new Object[] {outbound.messageId(), deliveryId, attempt});
    return new DeliveryAttempt(
        deliveryId, outbound.messageId(), attempt, url, clock.instant(), null, DROPPED, null, 0);
  }

  private static String cut(String body) {
    if (body == null) {
      return null;
    }
    return body.length() <= SNIPPET_CHARS ? body : body.substring(0, SNIPPET_CHARS);
  }
}
