package dev.maigw.gateway.intake;

import dev.maigw.gateway.intake.WebhookProperties.MalformedPolicy;
import dev.maigw.gateway.message.MessageStore;
import dev.maigw.gateway.message.NewMessage;
import dev.maigw.gateway.quarantine.QuarantineStore;
import dev.maigw.sdk.webhook.MaiAgentWebhookReader;
import dev.maigw.sdk.webhook.WebhookFormatException;
import dev.maigw.sdk.webhook.WebhookMessage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns an authenticated body into a stored reply or a quarantined body. Returns only after the
 * commit; everything it returns may be acknowledged.
 */
@Component
class WebhookIntake {

  private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);

  private final MaiAgentWebhookReader reader = new MaiAgentWebhookReader();
  private final MessageStore messages;
  private final QuarantineStore quarantine;
  private final MalformedPolicy malformedPolicy;
  private final Clock clock;

  WebhookIntake(
      MessageStore messages,
      QuarantineStore quarantine,
      WebhookProperties properties,
      Clock clock) {
    this.messages = messages;
    this.quarantine = quarantine;
    this.malformedPolicy = properties.malformedPolicy();
    this.clock = clock;
  }

  /**
   * Reads the body and starts its commit. An unreadable body is quarantined here, before this
   * returns.
   *
   * @return completes once the reply is committed (failures as {@link
   *     dev.maigw.gateway.storage.GroupCommitWriter#unwrap} describes)
   * @throws MalformedWebhookException when the body is unreadable and the policy is to reject (the
   *     body is quarantined first)
   * @throws dev.maigw.gateway.system.StoreUnavailableException when the quarantine could not commit
   */
  CompletableFuture<IntakeResult> accept(byte[] body, String contentType) {
    Instant receivedAt = clock.instant();
    byte[] sha256 = sha256(body);
    WebhookMessage message;
    try {
      message = reader.read(body);
    } catch (WebhookFormatException e) {
      long id =
          quarantine.keep(body, sha256, e.problem().code(), e.detail(), contentType, receivedAt);
      if (malformedPolicy == MalformedPolicy.ACKNOWLEDGE) {
        return CompletableFuture.completedFuture(
            new IntakeResult("quarantined", e.messageId(), null, id));
      }
      throw new MalformedWebhookException(e.problem(), e.detail(), id, e.messageId());
    }
    if (!message.warnings().isEmpty()) {
      log.warn("Webhook read with warnings: {}", message.warnings());
    }
    return messages
        .insertAsync(NewMessage.of(message, body, sha256, receivedAt))
        .thenApply(
            outcome ->
                new IntakeResult(outcome.label(), message.id(), message.conversationId(), null));
  }

  static byte[] sha256(byte[] body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM provides SHA-256", e);
    }
  }
}
