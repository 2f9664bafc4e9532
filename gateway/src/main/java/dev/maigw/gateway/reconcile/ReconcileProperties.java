package dev.maigw.gateway.reconcile;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of reconciliation from MaiAgent's API (which API and key: the bridge's {@code
 * MAIAGENT_BASE_URL} and {@code MAIAGENT_API_KEY}).
 *
 * @param chatbotId {@code MAIAGENT_CHATBOT_ID}, default none: the AI assistant whose webhook log is
 *     read when {@code POST /api/reconcile} names no {@code chatbotId}; without either the log is
 *     not read
 * @param maxMessages {@code maigw.reconcile.max-messages}, default 10000: the most messages one
 *     call lists; a conversation with more is reported {@code truncated} (narrow it with {@code
 *     since})
 */
@ConfigurationProperties("maigw.reconcile")
public record ReconcileProperties(String chatbotId, @DefaultValue("10000") int maxMessages) {

  public ReconcileProperties {
    if (maxMessages < 1) {
      throw new IllegalArgumentException("maigw.reconcile.max-messages must be at least 1.");
    }
  }
}
