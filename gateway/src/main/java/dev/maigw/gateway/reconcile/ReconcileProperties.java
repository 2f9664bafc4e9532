package dev.maigw.gateway.reconcile;

import java.time.Duration;
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
 * @param interval {@code MAIGW_RECONCILE_INTERVAL}, default none (off): how often the gateway
 *     reconciles by itself the conversations with a bridge send still waiting for its reply and
 *     those with replies stored within {@code lookback}
 * @param lookback {@code maigw.reconcile.lookback}, default 1h: how far back a scheduled pass
 *     looks, both for recent conversations and for the messages it lists ({@code since})
 */
@ConfigurationProperties("maigw.reconcile")
public record ReconcileProperties(
    String chatbotId,
    @DefaultValue("10000") int maxMessages,
    Duration interval,
    @DefaultValue("1h") Duration lookback) {

  public ReconcileProperties {
    if (maxMessages < 1) {
      throw new IllegalArgumentException("maigw.reconcile.max-messages must be at least 1.");
    }
    if (interval != null && (interval.isNegative() || interval.isZero())) {
      interval = null;
    }
  }

  boolean scheduled() {
    return interval != null;
  }
}
