package dev.maigw.sdk.client;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds each endpoint's {@link ApiCall}: path, query and JSON body in the spelling MaiAgent
 * documents. Checks arguments; sends nothing.
 */
final class ApiCalls {

  private final URI baseUrl;
  private final String pageSize;

  /**
   * @param pageSize the {@code pageSize} query for list calls, or null for MaiAgent's default
   */
  ApiCalls(URI baseUrl, Integer pageSize) {
    this.baseUrl = baseUrl;
    this.pageSize = pageSize == null ? null : pageSize.toString();
  }

  ApiCall createConversation(String webChatId) {
    ObjectNode body = ApiJson.object().put("webChat", required(webChatId, "webChatId"));
    return ApiCall.post(baseUrl, "conversations/", body);
  }

  ApiCall getConversation(String conversationId) {
    return ApiCall.get(baseUrl, conversationPath(conversationId), null);
  }

  ApiCall sendMessage(String conversationId, String content, List<AttachmentRef> attachments) {
    ObjectNode body =
        ApiJson.object()
            .put("conversation", required(conversationId, "conversationId"))
            .put("content", Objects.requireNonNull(content, "content"));
    body.set("attachments", attachmentsJson(attachments));
    return ApiCall.post(baseUrl, "messages/", body);
  }

  ApiCall listMessages(String conversationId, String cursorOrNull) {
    String query =
        ApiUrls.isLink(cursorOrNull)
            ? ApiUrls.queryOf(cursorOrNull)
            : ApiUrls.query(
                "conversation", required(conversationId, "conversationId"),
                "cursor", cursorOrNull,
                "pageSize", pageSize);
    return ApiCall.get(baseUrl, "messages/", query);
  }

  /**
   * {@code POST chatbots/{id}/completions/}. The streaming flag goes out as both {@code
   * isStreaming} and {@code is_streaming}, since MaiAgent's sources spell it both ways.
   */
  ApiCall completion(
      String chatbotId,
      String conversationIdOrNull,
      String content,
      List<AttachmentRef> attachments,
      boolean streaming) {
    String path = "chatbots/" + ApiUrls.segment(chatbotId, "chatbotId") + "/completions/";
    ObjectNode body = ApiJson.object();
    if (conversationIdOrNull != null && !conversationIdOrNull.isBlank()) {
      body.put("conversation", conversationIdOrNull);
    }
    ObjectNode message = body.putObject("message");
    message.put("content", Objects.requireNonNull(content, "content"));
    message.set("attachments", attachmentsJson(attachments));
    body.put("isStreaming", streaming).put("is_streaming", streaming);
    ApiCall call = ApiCall.post(baseUrl, path, body);
    return streaming ? call.accepting(ApiCall.EVENT_STREAM) : call;
  }

  /** The first page of {@code inboxes/}, or the page a {@code next} query names. */
  ApiCall listInboxes(String nextQueryOrNull) {
    String query = nextQueryOrNull == null ? ApiUrls.query("pageSize", pageSize) : nextQueryOrNull;
    return ApiCall.get(baseUrl, "inboxes/", query);
  }

  /**
   * The first page of a chatbot's {@code webhook-records/}, or the page a {@code next} query names.
   */
  ApiCall listWebhookRecords(String chatbotId, String nextQueryOrNull) {
    String path = "chatbots/" + ApiUrls.segment(chatbotId, "chatbotId") + "/webhook-records/";
    String query = nextQueryOrNull == null ? ApiUrls.query("pageSize", pageSize) : nextQueryOrNull;
    return ApiCall.get(baseUrl, path, query);
  }

  /** {@code conversations/{id}/}, for reads and for conversation-scoped attachments. */
  String conversationPath(String conversationId) {
    return "conversations/" + ApiUrls.segment(conversationId, "conversationId") + "/";
  }

  private static ArrayNode attachmentsJson(List<AttachmentRef> attachments) {
    ArrayNode array = ApiJson.MAPPER.createArrayNode();
    if (attachments != null) {
      attachments.forEach(attachment -> array.add(attachment.toJson()));
    }
    return array;
  }

  static String required(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank.");
    }
    return value;
  }
}
