package dev.maigw.gateway.reconcile;

import dev.maigw.gateway.bridge.MaiAgentAccess;
import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;
import dev.maigw.sdk.client.MaiAgentClient;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/reconcile?conversation=&since=&chatbotId=}: recovers a conversation's replies
 * whose webhook never arrived, from MaiAgent's message list, and reports what MaiAgent's webhook
 * log says failed. Safe to repeat: a second call stores nothing new.
 */
@RestController
class ReconcileController {

  private final MaiAgentAccess maiagent;
  private final Reconciler reconciler;
  private final WebhookLogReader webhookLog;
  private final ReconcileProperties properties;

  ReconcileController(
      MaiAgentAccess maiagent,
      Reconciler reconciler,
      WebhookLogReader webhookLog,
      ReconcileProperties properties) {
    this.maiagent = maiagent;
    this.reconciler = reconciler;
    this.webhookLog = webhookLog;
    this.properties = properties;
  }

  @PostMapping("/api/reconcile")
  ReconcileReport reconcile(
      @RequestParam(required = false) String conversation,
      @RequestParam(required = false) String since,
      @RequestParam(required = false) String chatbotId) {
    if (conversation == null || conversation.isBlank()) {
      throw new GatewayException(Problem.BAD_REQUEST, "Give ?conversation=<conversation id>.");
    }
    Instant from = instant(since);
    MaiAgentClient client =
        maiagent
            .configured()
            .orElseThrow(
                () ->
                    new GatewayException(
                        Problem.MAIAGENT_NOT_CONFIGURED,
                        "Set MAIAGENT_API_KEY (and MAIAGENT_BASE_URL) to reconcile from"
                            + " MaiAgent's API."));
    Reconciler.Tally tally = reconciler.reconcile(client, conversation, from);
    String bot = chatbotId != null && !chatbotId.isBlank() ? chatbotId : properties.chatbotId();
    return new ReconcileReport(
        conversation,
        from,
        tally.listed,
        tally.alreadyPresent,
        tally.stored,
        tally.skipped,
        tally.refused,
        tally.truncated,
        webhookLog.read(client, bot, conversation, from));
  }

  private static Instant instant(String since) {
    if (since == null || since.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(since);
    } catch (DateTimeParseException e) {
      throw new GatewayException(
          Problem.BAD_REQUEST, "since must be an ISO-8601 instant such as 2026-11-26T08:00:00Z.");
    }
  }
}
