package dev.maigw.gateway.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tells the operator, once the gateway is ready, where to point MaiAgent and how to call the API. A
 * generated API key is printed only on the start that generated it; webhook tokens never.
 */
@Component
class StartupBanner {

  private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

  private final ApiKey apiKey;
  private final Environment environment;

  StartupBanner(ApiKey apiKey, Environment environment) {
    this.apiKey = apiKey;
    this.environment = environment;
  }

  @EventListener(ApplicationReadyEvent.class)
  void printUrls() {
    String base = "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080");
    String path = environment.getProperty("maigw.webhook.path", "/maiagent/webhook");
    boolean tokens = !environment.getProperty("maigw.webhook.tokens", "").isBlank();
    String key =
        apiKey.generatedNow() != null
            ? apiKey.generatedNow() + "   (generated now, saved to " + apiKey.file() + ")"
            : "(from MAIGW_API_KEY or " + apiKey.file() + ")";
    log.info(
        LogRedaction.SHOWN_ON_PURPOSE,
        """

        MaiAgent Gateway is ready.
          Webhook URL for MaiAgent:  {}{}{}
          Read API:                  {}/api/conversations
          API key:                   {}
          Use it as:                 curl -H 'Authorization: Bearer <key>' {}/api/conversations
          Health / metrics:          {}/actuator/health  {}/actuator/prometheus
        """,
        base,
        path,
        tokens ? "/<one of MAIGW_WEBHOOK_TOKENS>" : "",
        base,
        key,
        base,
        base,
        base);
  }
}
