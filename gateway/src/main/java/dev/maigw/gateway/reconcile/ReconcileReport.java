package dev.maigw.gateway.reconcile;

import java.time.Instant;
import java.util.List;

/**
 * What one reconciliation found and did.
 *
 * @param listed messages MaiAgent listed for the conversation (created at or after {@code since})
 * @param alreadyPresent assistant replies the gateway had stored already (by webhook or an earlier
 *     reconciliation)
 * @param stored assistant replies stored now, with source {@code reconciled}
 * @param skipped listed messages that are not assistant replies (the user's own messages), which a
 *     webhook never carries either
 * @param refused assistant replies the webhook endpoint would refuse too, with its reason
 * @param truncated true when the listing stopped at {@code maigw.reconcile.max-messages}
 * @param webhookLog what MaiAgent's webhook log says about this conversation's deliveries
 */
public record ReconcileReport(
    String conversation,
    Instant since,
    int listed,
    int alreadyPresent,
    int stored,
    int skipped,
    List<Refused> refused,
    boolean truncated,
    WebhookLog webhookLog) {

  /** A listed reply that could not be stored. */
  public record Refused(String messageId, String code, String detail) {}

  /**
   * MaiAgent's webhook log for the conversation.
   *
   * @param read whether the log was read; when false, {@code detail} says why not
   * @param records attempts logged for this conversation (at or after {@code since})
   * @param failed one entry per message with at least one attempt MaiAgent saw fail
   */
  public record WebhookLog(
      boolean read, String chatbotId, String detail, int records, List<FailedDelivery> failed) {

    static WebhookLog notRead(String chatbotId, String detail) {
      return new WebhookLog(false, chatbotId, detail, 0, List.of());
    }
  }

  /**
   * A message whose webhook MaiAgent logged as failed (any status but 200, or no answer).
   *
   * @param failedAttempts how many of its logged attempts failed
   * @param lastStatusCode the status of its latest failed attempt; null when no answer came
   * @param lastFailedAt when its latest failed attempt was made, if MaiAgent said
   * @param laterDelivered whether MaiAgent also logged a successful attempt for it
   * @param storedHere whether the gateway holds the message now
   */
  public record FailedDelivery(
      String messageId,
      int failedAttempts,
      Integer lastStatusCode,
      Instant lastFailedAt,
      boolean laterDelivered,
      boolean storedHere) {}
}
