package dev.maigw.emulator.delivery;

import dev.maigw.emulator.system.HttpProblemException;
import dev.maigw.emulator.system.Json;
import dev.maigw.emulator.system.Request;
import dev.maigw.emulator.system.Response;
import dev.maigw.emulator.system.Router;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET chatbots/{chatbotId}/webhook-records/?page=&pageSize=}: MaiAgent's webhook log, one
 * record per attempt (failed ones and those the drop fault swallowed included), newest first, in
 * DRF page-number pagination {@code {count, next, previous, results}} with absolute links. The
 * emulator plays a single AI assistant, so any chatbot id sees every attempt.
 */
public final class WebhookRecordController {
  static final int DEFAULT_PAGE_SIZE = 20;
  private static final int MAX_PAGE_SIZE = 100;

  private final DeliveryWorker delivery;

  public WebhookRecordController(DeliveryWorker delivery) {
    this.delivery = delivery;
  }

  public void register(Router router, String prefix) {
    router.add("GET", prefix + "chatbots/{chatbotId}/webhook-records/", this::list);
  }

  Response list(Request request) {
    String chatbotId = request.pathVariable("chatbotId");
    List<ObjectNode> records = newestFirst(chatbotId);
    int pageSize =
        Math.min(positiveOr(request.query("pageSize"), DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
    int page = pageNumber(request.query("page"));
    int from = (page - 1) * pageSize;
    if (page > 1 && from >= records.size()) {
      throw HttpProblemException.detail(404, "Invalid page.");
    }
    int to = Math.min(from + pageSize, records.size());
    String base = request.origin() + request.path() + "?page=";
    ObjectNode body = Json.object().put("count", records.size());
    body.put("next", to < records.size() ? base + (page + 1) + "&pageSize=" + pageSize : null);
    body.put("previous", page > 1 ? base + (page - 1) + "&pageSize=" + pageSize : null);
    ArrayNode results = body.putArray("results");
    records.subList(from, to).forEach(results::add);
    return Response.json(200, body);
  }

  private List<ObjectNode> newestFirst(String chatbotId) {
    List<Entry> entries = new ArrayList<>();
    for (DeliveryRecord record : delivery.deliveries()) {
      record.attempts().forEach(attempt -> entries.add(new Entry(record, attempt)));
    }
    entries.sort(
        Comparator.comparing((Entry e) -> e.attempt().startedAt())
            .thenComparing(e -> e.attempt().attempt())
            .reversed());
    return entries.stream().map(entry -> toJson(entry, chatbotId)).toList();
  }

  private record Entry(DeliveryRecord record, DeliveryAttempt attempt) {}

  private static ObjectNode toJson(Entry entry, String chatbotId) {
    DeliveryAttempt attempt = entry.attempt();
    ObjectNode node = Json.object().put("id", recordId(attempt));
    node.putObject("chatbot").put("id", chatbotId).put("name", "MaiAgent Emulator");
    node.put("url", attempt.url().toString());
    node.set("requestBody", requestBody(entry.record().body()));
    node.put("response", attempt.error() != null ? attempt.error() : attempt.responseSnippet());
    node.put("statusCode", attempt.statusCode());
    node.put("createdAt", Long.toString(attempt.startedAt().toEpochMilli()));
    return node;
  }

  /** Stable across listings, so paging and repeated reads name the same record the same way. */
  private static String recordId(DeliveryAttempt attempt) {
    String key = attempt.deliveryId() + "/" + attempt.attempt();
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static JsonNode requestBody(String body) {
    try {
      return Json.MAPPER.readTree(body);
    } catch (JacksonException e) {
      // A verbatim push need not be JSON; the log keeps what was sent as text.
      return Json.MAPPER.getNodeFactory().stringNode(body);
    }
  }

  private static int pageNumber(String value) {
    if (value == null || value.isBlank()) {
      return 1;
    }
    int parsed = positiveOr(value, 0);
    if (parsed < 1) {
      throw HttpProblemException.detail(404, "Invalid page.");
    }
    return parsed;
  }

  private static int positiveOr(String value, int otherwise) {
    try {
      int parsed = value == null ? otherwise : Integer.parseInt(value.trim());
      return parsed < 1 ? otherwise : parsed;
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }
}
