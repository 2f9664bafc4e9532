package dev.maigw.emulator.control;

import dev.maigw.emulator.delivery.DeliveryAttempt;
import dev.maigw.emulator.delivery.DeliveryRecord;
import dev.maigw.emulator.system.Json;
import dev.maigw.emulator.system.RecordedRequest;
import java.time.Instant;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The control API's JSON for inspection results. Times are ISO-8601 UTC. */
final class ControlJson {
  private ControlJson() {}

  static ObjectNode page(ArrayNode results) {
    ObjectNode node = Json.object().put("count", results.size());
    node.set("results", results);
    return node;
  }

  static ArrayNode deliveries(List<DeliveryRecord> deliveries) {
    ArrayNode array = Json.array();
    for (DeliveryRecord delivery : deliveries) {
      ObjectNode node =
          array
              .addObject()
              .put("deliveryId", delivery.deliveryId())
              .put("messageId", delivery.messageId())
              .put("conversation", delivery.conversation())
              .put("copy", delivery.copy())
              .put("state", delivery.state().name())
              .put("nextAttemptAt", iso(delivery.nextAttemptAt()));
      node.set("body", bodyJson(delivery.body()));
      ArrayNode attempts = node.putArray("attempts");
      delivery.attempts().forEach(attempt -> attempts.add(attempt(attempt)));
    }
    return array;
  }

  static ArrayNode requests(List<RecordedRequest> requests) {
    ArrayNode array = Json.array();
    for (RecordedRequest request : requests) {
      ObjectNode node =
          array
              .addObject()
              .put("receivedAt", iso(request.receivedAt()))
              .put("method", request.method())
              .put("target", request.target())
              .put("status", request.status());
      ObjectNode headers = node.putObject("headers");
      request.headers().forEach(headers::put);
      node.put("body", request.body());
    }
    return array;
  }

  private static ObjectNode attempt(DeliveryAttempt attempt) {
    ObjectNode node =
        Json.object()
            .put("attempt", attempt.attempt())
            .put("url", attempt.url().toString())
            .put("startedAt", iso(attempt.startedAt()))
            .put("latencyMs", attempt.latencyMillis());
    node.put("status", attempt.statusCode());
    node.put("error", attempt.error());
    node.put("response", attempt.responseSnippet());
    return node;
  }

  private static JsonNode bodyJson(String body) {
    try {
      return Json.MAPPER.readTree(body);
    } catch (JacksonException e) {
      return Json.object().put("unparsable", body);
    }
  }

  private static String iso(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
