package dev.maigw.sdk.webhook;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schema stage: reads a parsed top-level object into a {@link WebhookMessage}, rejecting only
 * what can never be a MaiAgent message (no id, no conversation, or a field of an impossible type)
 * and tolerating every documented variant. Stateless and thread-safe.
 */
final class MessageReader {

  /** Where the conversation id may be, in order of preference (W7). */
  private static final List<String> CONVERSATION_KEYS =
      List.of("conversation", "conversation_id", "conversationId");

  private final Ids ids;

  MessageReader(ReaderLimits limits) {
    this.ids = new Ids(limits.maxIdLength());
  }

  WebhookMessage read(ObjectNode body) {
    String id = id(body);
    try {
      return read(body, id);
    } catch (WebhookFormatException e) {
      throw e.withMessageId(id);
    }
  }

  private WebhookMessage read(ObjectNode body, String id) {
    Warnings warnings = new Warnings();
    String conversationId = conversationId(body, warnings);
    String type = optionalString(body, "type");
    String content = optionalString(body, "content");
    Sender sender = sender(body, warnings);
    Timestamps.Reading createdAt = Timestamps.read(body, warnings);
    JsonNode feedback = body.get("feedback");
    List<Attachment> attachments = Elements.attachments(body, warnings);
    List<Citation> citations = Elements.citations(body, warnings);
    return new WebhookMessage(
        id,
        conversationId,
        type,
        content,
        sender,
        createdAt.instant(),
        createdAt.raw(),
        JsonTypes.isAbsent(feedback) ? null : feedback,
        attachments,
        citations,
        warnings.toList());
  }

  private String id(ObjectNode body) {
    JsonNode node = body.get("id");
    if (JsonTypes.isAbsent(node)) {
      throw missing("id");
    }
    return ids.check("id", node);
  }

  private String conversationId(ObjectNode body, Warnings warnings) {
    String usedKey = null;
    String value = null;
    for (String key : CONVERSATION_KEYS) {
      JsonNode node = body.get(key);
      if (JsonTypes.isAbsent(node)) {
        continue;
      }
      if (usedKey == null) {
        usedKey = key;
        value = ids.check(key, node);
      } else if (!JsonTypes.rawText(node).equals(value)) {
        warnings.add(usedKey + " and " + key + " differ; used " + usedKey + ".");
      }
    }
    if (usedKey == null) {
      throw missing("conversation");
    }
    return value;
  }

  /** Reads a field that must be a string when given; null when absent or JSON null. */
  private static String optionalString(ObjectNode body, String field) {
    JsonNode node = body.get(field);
    if (JsonTypes.isAbsent(node)) {
      return null;
    }
    if (!node.isString()) {
      throw new WebhookFormatException(
          WebhookFormatProblem.INVALID_FIELD,
          "Field '" + field + "' must be a string, not " + JsonTypes.describe(node) + ".");
    }
    return node.stringValue();
  }

  private static Sender sender(ObjectNode body, Warnings warnings) {
    JsonNode node = body.get("sender");
    if (JsonTypes.isAbsent(node)) {
      return null;
    }
    if (!node.isObject()) {
      throw new WebhookFormatException(
          WebhookFormatProblem.INVALID_FIELD,
          "Field 'sender' must be an object, not " + JsonTypes.describe(node) + ".");
    }
    return new Sender(
        JsonTypes.tolerantText(node, "id", "sender.id", warnings),
        JsonTypes.tolerantText(node, "name", "sender.name", warnings),
        JsonTypes.tolerantText(node, "avatar", "sender.avatar", warnings));
  }

  private static WebhookFormatException missing(String field) {
    return new WebhookFormatException(
        WebhookFormatProblem.MISSING_FIELD, "Field '" + field + "' is required.");
  }
}
