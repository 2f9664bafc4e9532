package dev.maigw.gateway.bridge;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the MaiAgent bridge.
 *
 * @param baseUrl {@code MAIAGENT_BASE_URL}, default {@code https://api.maiagent.ai/api/v1/}
 * @param apiKey {@code MAIAGENT_API_KEY}; the bridge answers 503 {@code bridge_not_configured}
 *     without it
 * @param webChatId {@code MAIAGENT_WEB_CHAT_ID}: the Web Chat used when {@code POST
 *     /api/conversations} names none
 * @param defaultWait {@code maigw.bridge.default-wait}, default 30s: how long a send waits for its
 *     reply when the caller gives no {@code ?wait=}
 * @param maxWait {@code maigw.bridge.max-wait}, default 300s: the largest {@code ?wait=}
 * @param replyTimeout {@code maigw.bridge.reply-timeout}, default 5m: how long a send without a
 *     reply holds back the next send of its conversation
 * @param maxConcurrentCalls {@code maigw.bridge.max-concurrent-calls}, default 8: MaiAgent calls in
 *     flight at once (across conversations)
 * @param requestTimeout {@code maigw.bridge.request-timeout}, default 30s: one MaiAgent call; a
 *     send still {@code sending} 10 s past this after its dispatch (the gateway failed to record
 *     the answer, or stopped mid-call) becomes {@code unknown} and is never sent again
 * @param clockSkew {@code maigw.bridge.clock-skew}, default 2s: how far MaiAgent's clock (a reply's
 *     {@code createdAt}) may run behind the gateway's; a reply created more than this before a send
 *     was dispatched is never given to that send (and, between instances, how far their clocks may
 *     differ)
 * @param recheck {@code maigw.bridge.recheck}, default 250ms: how often one shared query looks for
 *     waited sends settled by another gateway instance
 */
@ConfigurationProperties("maigw.bridge")
public record BridgeProperties(
    @DefaultValue("https://api.maiagent.ai/api/v1/") URI baseUrl,
    String apiKey,
    String webChatId,
    @DefaultValue("30s") Duration defaultWait,
    @DefaultValue("300s") Duration maxWait,
    @DefaultValue("5m") Duration replyTimeout,
    @DefaultValue("8") int maxConcurrentCalls,
    @DefaultValue("30s") Duration requestTimeout,
    @DefaultValue("2s") Duration clockSkew,
    @DefaultValue("250ms") Duration recheck) {

  boolean isConfigured() {
    return apiKey != null && !apiKey.isBlank();
  }
}
