package dev.maigw.gateway.reconcile;

import dev.maigw.gateway.message.MessageStore;
import dev.maigw.gateway.reconcile.ReconcileReport.FailedDelivery;
import dev.maigw.gateway.reconcile.ReconcileReport.WebhookLog;
import dev.maigw.sdk.client.MaiAgentApiException;
import dev.maigw.sdk.client.MaiAgentClient;
import dev.maigw.sdk.client.WebhookRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reads an AI assistant's webhook log at MaiAgent and reports, per message of one conversation, the
 * attempts MaiAgent saw fail. The log's URLs are never repeated: they may carry the webhook token.
 * A log that cannot be read is reported as such, since the replies are already stored.
 */
@Component
class WebhookLogReader {

  private final MessageStore messages;

  WebhookLogReader(MessageStore messages) {
    this.messages = messages;
  }

  WebhookLog read(MaiAgentClient client, String chatbotId, String conversation, Instant since) {
    if (chatbotId == null || chatbotId.isBlank()) {
      return WebhookLog.notRead(
          null, "Give ?chatbotId= or set MAIAGENT_CHATBOT_ID to read MaiAgent's webhook log.");
    }
    List<WebhookRecord> records;
    try {
      records = client.listWebhookRecords(chatbotId);
    } catch (MaiAgentApiException e) {
      String detail = e.detail() != null ? e.detail() : e.kind().toString();
      return WebhookLog.notRead(
          chatbotId, "MaiAgent's webhook log could not be read (" + e.status() + "): " + detail);
    }
    List<WebhookRecord> relevant =
        records.stream()
            .filter(r -> conversation.equals(r.conversationId()))
            .filter(r -> since == null || r.createdAt() == null || !r.createdAt().isBefore(since))
            .toList();
    return new WebhookLog(true, chatbotId, null, relevant.size(), failures(relevant));
  }

  private List<FailedDelivery> failures(List<WebhookRecord> records) {
    Map<String, List<WebhookRecord>> byMessage = new LinkedHashMap<>();
    for (WebhookRecord record : records) {
      if (record.messageId() != null) {
        byMessage.computeIfAbsent(record.messageId(), id -> new ArrayList<>()).add(record);
      }
    }
    byMessage.values().removeIf(attempts -> attempts.stream().allMatch(WebhookRecord::succeeded));
    Set<String> stored = messages.storedIds(byMessage.keySet());
    List<FailedDelivery> failed = new ArrayList<>();
    byMessage.forEach((id, attempts) -> failed.add(failure(id, attempts, stored.contains(id))));
    return failed;
  }

  private static FailedDelivery failure(String id, List<WebhookRecord> attempts, boolean stored) {
    List<WebhookRecord> failedOnes = attempts.stream().filter(r -> !r.succeeded()).toList();
    WebhookRecord latest = failedOnes.get(0);
    for (WebhookRecord record : failedOnes) {
      if (record.createdAt() != null
          && (latest.createdAt() == null || record.createdAt().isAfter(latest.createdAt()))) {
        latest = record;
      }
    }
    return new FailedDelivery(
        id,
        failedOnes.size(),
        latest.statusCode(),
        latest.createdAt(),
        attempts.stream().anyMatch(WebhookRecord::succeeded),
        stored);
  }
}
