package dev.maigw.gateway.intake;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Warns at start when the webhook accepts anyone on a non-loopback address: the gateway listens on
 * {@code 127.0.0.1} by default, and an operator who opens it up should add tokens (or set {@code
 * MAIGW_REQUIRE_TOKEN=true}, which refuses to start without them).
 */
@Component
class OpenWebhookWarning {

  private static final Logger log = LoggerFactory.getLogger(OpenWebhookWarning.class);

  private final WebhookAuthenticator authenticator;
  private final Environment environment;

  OpenWebhookWarning(WebhookAuthenticator authenticator, Environment environment) {
    this.authenticator = authenticator;
    this.environment = environment;
  }

  @EventListener(ApplicationReadyEvent.class)
  void warnIfOpen() {
    String address = environment.getProperty("server.address", "");
    if (!authenticator.requiresToken() && !isLoopback(address)) {
      log.warn(
          "The webhook is open to anyone who can reach {}: set MAIGW_WEBHOOK_TOKENS (and"
              + " MAIGW_REQUIRE_TOKEN=true to refuse starting without), or SERVER_ADDRESS=127.0.0.1.",
          address.isBlank() ? "every interface" : address);
    }
  }

  /** Whether {@code address} (a literal, or empty for every interface) is loopback only. */
  static boolean isLoopback(String address) {
    if (address.isBlank()) {
      return false;
    }
    try {
      return InetAddress.getByName(address.trim()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
