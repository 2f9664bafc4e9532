package dev.maigw.sdk.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One MaiAgent webhook message as read by {@link MaiAgentWebhookReader}. The raw body stays the
 * source of truth; this record holds only what callers route and display by.
 *
 * <p>The constructor normalises absent values so readers never meet a null where a value is always
 * expected: {@code content} becomes {@code ""}, {@code sender} becomes an all-null {@link Sender},
 * and the lists become empty. Lists are copied and unmodifiable.
 *
 * @param id the message id, opaque (never UUID-checked, W8); never null
 * @param conversationId the conversation id, from {@code conversation}, else {@code
 *     conversation_id}, else {@code conversationId} (W7); never null
 * @param type the message type as sent, e.g. {@code outgoing}; null when absent
 * @param content the reply text; {@code ""} when absent or null
 * @param sender the sender; never null, its fields may be
 * @param createdAt when MaiAgent created the message; null when absent or unparsable (W1, W2)
 * @param createdAtRaw the timestamp text as received; null when absent
 * @param feedback the feedback value of any JSON type (W4); null when absent or JSON null
 * @param attachments attachments in order; never null (W14)
 * @param citations citations in order, either shape (W5); never null
 * @param warnings notes on values that were present but could not be used as sent, e.g. an
 *     unparsable timestamp or a skipped array element; empty for a clean message
 */
public record WebhookMessage(
    String id,
    String conversationId,
    String type,
    String content,
    Sender sender,
    Instant createdAt,
    String createdAtRaw,
    JsonNode feedback,
    List<Attachment> attachments,
    List<Citation> citations,
    List<String> warnings) {

  /**
   * Normalises absent values as described on the type.
   *
   * @throws NullPointerException if {@code id} or {@code conversationId} is null, or a list holds a
   *     null element
   */
  public WebhookMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(conversationId, "conversationId");
    content = content == null ? "" : content;
    sender = sender == null ? new Sender(null, null, null) : sender;
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
    citations = citations == null ? List.of() : List.copyOf(citations);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /**
   * Tells whether this is an AI assistant's reply: {@code type} is {@code outgoing}, in any case
   * (W11). Other types are acknowledged and ignored by callers.
   */
  public boolean isAiReply() {
    return "outgoing".equalsIgnoreCase(type);
  }
}
