package dev.maigw.sdk.client;

import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One entry of MaiAgent's webhook log ({@code GET chatbots/{id}/webhook-records/}): one attempt to
 * deliver one webhook, and what came back.
 *
 * @param id the record's id
 * @param chatbotId {@code chatbot.id} (or {@code chatbot} as a bare id), or null
 * @param url where MaiAgent posted; it may carry a webhook token, so treat it as a secret
 * @param requestBody the webhook body MaiAgent sent: an object, or text when MaiAgent kept it as
 *     text; null if absent
 * @param response what the receiver answered (or the failure), as MaiAgent recorded it; null if
 *     absent
 * @param statusCode the receiver's HTTP status; null when no answer came
 * @param createdAt when the attempt was made, or null if absent or unreadable
 * @param raw the whole item, for fields this record does not name
 */
public record WebhookRecord(
    String id,
    String chatbotId,
    String url,
    JsonNode requestBody,
    String response,
    Integer statusCode,
    Instant createdAt,
    JsonNode raw) {

  /** MaiAgent counts only exactly HTTP 200 as delivered. */
  public boolean succeeded() {
    return statusCode != null && statusCode == 200;
  }

  /** The id of the message the webhook carried ({@code requestBody.id}), or null. */
  public String messageId() {
    JsonNode body = requestBodyObject();
    return body == null ? null : ApiJson.text(body, "id");
  }

  /** The conversation the webhook named ({@code requestBody.conversation}), or null. */
  public String conversationId() {
    JsonNode body = requestBodyObject();
    return body == null
        ? null
        : ApiJson.text(body, "conversation", "conversationId", "conversation_id");
  }

  /** The request body as an object, also when MaiAgent kept it as JSON text; else null. */
  private JsonNode requestBodyObject() {
    if (requestBody == null) {
      return null;
    }
    if (requestBody.isObject()) {
      return requestBody;
    }
    if (requestBody.isString()) {
      try {
        JsonNode parsed = ApiJson.MAPPER.readTree(requestBody.stringValue());
        return parsed != null && parsed.isObject() ? parsed : null;
      } catch (JacksonException e) {
        return null;
      }
    }
    return null;
  }

  static WebhookRecord fromJson(JsonNode node) {
    JsonNode body = node.get("requestBody");
    if (body == null) {
      body = node.get("request_body");
    }
    JsonNode status = node.has("statusCode") ? node.get("statusCode") : node.get("status_code");
    return new WebhookRecord(
        ApiJson.requireText(node, "id"),
        ApiJson.text(node, "chatbot"),
        ApiJson.text(node, "url"),
        body == null || body.isNull() ? null : body,
        responseText(node.get("response")),
        statusCode(status),
        ApiJson.instant(node, "createdAt", "created_at"),
        node);
  }

  /** An integer, or digits as text; anything else counts as no answer. */
  private static Integer statusCode(JsonNode status) {
    if (status != null && status.isIntegralNumber() && status.canConvertToInt()) {
      return status.intValue();
    }
    if (status != null && status.isString() && status.stringValue().strip().matches("\\d{3}")) {
      return Integer.parseInt(status.stringValue().strip());
    }
    return null;
  }

  private static String responseText(JsonNode response) {
    if (response == null || response.isNull()) {
      return null;
    }
    return response.isString() ? response.stringValue() : response.toString();
  }
}
