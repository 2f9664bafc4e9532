package dev.maigw.gateway.message;

import dev.maigw.gateway.storage.TextColumns;
import dev.maigw.sdk.webhook.WebhookMessage;
import java.time.Instant;

/**
 * A reply about to be stored: the normalised fields read from the webhook, and the exact body bytes
 * with their SHA-256.
 *
 * @param source how it reached the gateway
 */
public record NewMessage(
    String messageId,
    String conversationId,
    String type,
    String content,
    String senderId,
    String senderName,
    String senderAvatar,
    Instant createdAt,
    Instant receivedAt,
    int attachmentCount,
    int citationCount,
    byte[] body,
    byte[] bodySha256,
    MessageSource source) {

  /** Normalises a webhook's {@code message} for storage (see the overload). */
  public static NewMessage of(
      WebhookMessage message, byte[] body, byte[] bodySha256, Instant receivedAt) {
    return of(message, body, bodySha256, receivedAt, MessageSource.WEBHOOK);
  }

  /** Normalises {@code message} for storage; text columns are made storable in both dialects. */
  public static NewMessage of(
      WebhookMessage message,
      byte[] body,
      byte[] bodySha256,
      Instant receivedAt,
      MessageSource source) {
    return new NewMessage(
        TextColumns.storable(message.id()),
        TextColumns.storable(message.conversationId()),
        TextColumns.storable(message.type()),
        TextColumns.storable(message.content()),
        TextColumns.storable(message.sender().id()),
        TextColumns.storable(message.sender().name()),
        TextColumns.storable(message.sender().avatar()),
        message.createdAt(),
        receivedAt,
        message.attachments().size(),
        message.citations().size(),
        body,
        bodySha256,
        source);
  }
}
