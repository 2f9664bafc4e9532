package dev.maigw.gateway.console;

import dev.maigw.gateway.message.StoredMessage;
import dev.maigw.sdk.webhook.Attachment;
import dev.maigw.sdk.webhook.Citation;
import dev.maigw.sdk.webhook.MaiAgentWebhookReader;
import dev.maigw.sdk.webhook.WebhookFormatException;
import dev.maigw.sdk.webhook.WebhookMessage;
import java.util.List;

/**
 * A stored reply with what the page shows beyond the columns: its citations and attachments, read
 * again from the stored body (the store keeps only their counts).
 */
public record ReplyView(
    StoredMessage message, List<Citation> citations, List<Attachment> attachments) {

  private static final MaiAgentWebhookReader READER = new MaiAgentWebhookReader();

  static ReplyView of(StoredMessage message) {
    try {
      WebhookMessage read = READER.read(message.body());
      return new ReplyView(message, read.citations(), read.attachments());
    } catch (WebhookFormatException e) {
      // Stored bodies were readable when they arrived; show the columns if the reader changed.
      return new ReplyView(message, List.of(), List.of());
    }
  }
}
