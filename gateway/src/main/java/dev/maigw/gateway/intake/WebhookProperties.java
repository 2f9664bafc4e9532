package dev.maigw.gateway.intake;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook endpoint settings.
 *
 * @param path {@code maigw.webhook.path}, default {@code /maiagent/webhook}; with tokens the token
 *     may also be appended as a last path segment
 * @param successMessage {@code maigw.webhook.success-message}, default {@code Webhook 接收成功}: the
 *     {@code message} of the 200 body
 * @param tokens {@code maigw.webhook.tokens} ({@code MAIGW_WEBHOOK_TOKENS}, comma-separated),
 *     default none = no authentication; two may be set at once for rotation. Each must be at least
 *     22 characters (128 random bits in base64url).
 * @param tokenHeader {@code maigw.webhook.token-header}, default {@code X-Webhook-Token}: header
 *     that may carry the token instead of the path
 * @param allowedSources {@code maigw.webhook.allowed-sources} ({@code
 *     MAIGW_WEBHOOK_ALLOWED_SOURCES}, comma-separated IPs or CIDRs), default none = any source
 * @param maxBodyBytes {@code maigw.webhook.max-body-bytes}, default 1048576 (1 MiB); larger bodies
 *     get 413
 * @param malformedPolicy {@code maigw.webhook.malformed-policy} ({@code MAIGW_MALFORMED_POLICY}),
 *     default {@code reject}: unreadable bodies are quarantined and answered 400/422; {@code
 *     acknowledge} quarantines them and answers 200 so MaiAgent stops retrying
 * @param strictContentType {@code maigw.webhook.strict-content-type}, default false: when true only
 *     {@code application/json} is accepted (415 otherwise); MaiAgent's documentation shows no
 *     other, so by default any type is read if the body parses
 * @param bodyTimeout {@code maigw.webhook.body-timeout} ({@code MAIGW_BODY_TIMEOUT}), default 15s:
 *     the whole body must have arrived this long after the request began, else 408 and the
 *     connection is closed. Bodies are read without holding a thread, so clients that send a byte a
 *     second (slow-loris) cost connections, not server threads, and are cut off after this long.
 * @param requireToken {@code maigw.webhook.require-token} ({@code MAIGW_REQUIRE_TOKEN}), default
 *     false: when true the gateway refuses to start without {@code MAIGW_WEBHOOK_TOKENS}
 */
@ConfigurationProperties("maigw.webhook")
public record WebhookProperties(
    @DefaultValue("/maiagent/webhook") String path,
    @DefaultValue("Webhook 接收成功") String successMessage,
    @DefaultValue List<String> tokens,
    @DefaultValue("X-Webhook-Token") String tokenHeader,
    @DefaultValue List<String> allowedSources,
    @DefaultValue("1048576") int maxBodyBytes,
    @DefaultValue("reject") MalformedPolicy malformedPolicy,
    @DefaultValue("false") boolean strictContentType,
    @DefaultValue("false") boolean requireToken,
    @DefaultValue("15s") Duration bodyTimeout) {

  /** What to answer for an authenticated body that cannot be read. */
  public enum MalformedPolicy {
    /** 400/422 with a problem body; the body is quarantined. */
    REJECT,
    /** 200 with status {@code quarantined}; the body is quarantined. */
    ACKNOWLEDGE
  }
}
