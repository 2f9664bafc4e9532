package dev.maigw.gateway.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An endpoint stored replies are forwarded to, with what it wants forwarded.
 *
 * @param messageTypes types to forward, compared case-insensitively; empty forwards every type
 * @param conversationFilter only this conversation, or null
 * @param senderFilter only messages whose {@code sender.id} is this, or null
 * @param contentFilter only messages whose content contains this text, or null
 * @param ordered whether one conversation's replies go out one at a time, in commit order
 */
public record Target(
    String id,
    String name,
    String url,
    String secret,
    List<String> messageTypes,
    String conversationFilter,
    String senderFilter,
    String contentFilter,
    Map<String, String> headers,
    Duration timeout,
    boolean ordered,
    boolean enabled,
    String disabledReason,
    Instant createdAt,
    Instant updatedAt) {

  /** Every target, however loaded, keeps its credentials out of the logs. */
  public Target {
    TargetRedaction.protectInLogs(url, headers);
  }

  /** Whether a message with these fields should be forwarded to this target. */
  public boolean accepts(String type, String conversationId, String senderId, String content) {
    return (messageTypes.isEmpty()
            || messageTypes.stream().anyMatch(t -> t.equalsIgnoreCase(String.valueOf(type))))
        && (conversationFilter == null || conversationFilter.equals(conversationId))
        && (senderFilter == null || senderFilter.equals(senderId))
        && (contentFilter == null || (content != null && content.contains(contentFilter)));
  }
}
