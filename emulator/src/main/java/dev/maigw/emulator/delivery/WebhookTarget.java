package dev.maigw.emulator.delivery;

import dev.maigw.emulator.system.Loopback;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

/** Where webhooks go; switchable at run time, always a loopback URL. */
public final class WebhookTarget {
  private final AtomicReference<URI> url;

  public WebhookTarget(URI initial) {
    this.url = new AtomicReference<>(check(initial.toString()));
  }

  public URI current() {
    return url.get();
  }

  /**
   * @throws dev.maigw.emulator.system.ConfigurationException when not a loopback http(s) URL
   */
  public URI set(String newUrl) {
    URI checked = check(newUrl);
    url.set(checked);
    return checked;
  }

  private static URI check(String candidate) {
    return Loopback.requireLoopbackUrl("MAIAGENT_EMULATOR_WEBHOOK_URL", candidate);
  }
}
