package dev.maigw.emulator.control;

import dev.maigw.emulator.system.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code GET /_emulator}: where things are and what the control API offers. */
final class ControlIndex {
  private static final String[][] ENDPOINTS = {
    {"GET /_emulator/faults", "current faults and API-error injection"},
    {"POST /_emulator/faults", "change some faults, e.g. {\"deliveryCopies\":2}"},
    {"DELETE /_emulator/faults", "back to well-behaved MaiAgent"},
    {"GET /_emulator/deliveries", "webhook deliveries and attempts (?messageId=, ?conversation=)"},
    {"GET /_emulator/requests", "API and storage requests received (?path=)"},
    {"POST /_emulator/webhooks", "push {conversation, content} or a verbatim {body}"},
    {"POST /_emulator/release", "send replies held by the out-of-order fault"},
    {"GET|PUT /_emulator/webhook-url", "where webhooks go (loopback only)"},
    {"POST /_emulator/reset", "forget everything but inboxes and configuration"},
  };

  private ControlIndex() {}

  static ObjectNode describe(EmulatorControls controls) {
    ObjectNode node =
        Json.object()
            .put("baseUrl", controls.baseUrl().toString())
            .put("webhookUrl", controls.webhookUrl().toString());
    ArrayNode endpoints = node.putArray("endpoints");
    for (String[] endpoint : ENDPOINTS) {
      endpoints.addObject().put("endpoint", endpoint[0]).put("does", endpoint[1]);
    }
    return node;
  }
}
