package dev.maigw.emulator.control;

import dev.maigw.emulator.delivery.DeliveryRecord;
import dev.maigw.emulator.fault.ApiErrorPlan;
import dev.maigw.emulator.fault.Faults;
import dev.maigw.emulator.fault.FaultsJson;
import dev.maigw.emulator.fault.InvalidFaultException;
import dev.maigw.emulator.system.ConfigurationException;
import dev.maigw.emulator.system.HttpProblemException;
import dev.maigw.emulator.system.Json;
import dev.maigw.emulator.system.Request;
import dev.maigw.emulator.system.Response;
import dev.maigw.emulator.system.RouteHandler;
import dev.maigw.emulator.system.Router;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Routes {@code /_emulator/...} (a trailing slash is optional here). Errors are {@code {"code",
 * "detail"}} with a 4xx status.
 */
public final class ControlController {
  public static final String PREFIX = "/_emulator";

  private final EmulatorControls controls;

  public ControlController(EmulatorControls controls) {
    this.controls = controls;
  }

  public void register(Router router) {
    add(router, "GET", "", request -> Response.json(200, ControlIndex.describe(controls)));
    add(router, "GET", "/faults", request -> faults());
    add(router, "POST", "/faults", this::updateFaults);
    add(router, "DELETE", "/faults", this::clearFaults);
    add(router, "GET", "/deliveries", this::deliveries);
    add(router, "GET", "/requests", this::requests);
    add(router, "POST", "/reset", this::reset);
    add(router, "POST", "/webhooks", this::pushWebhook);
    add(router, "POST", "/release", this::release);
    add(router, "GET", "/webhook-url", request -> webhookUrl());
    add(router, "POST", "/webhook-url", this::setWebhookUrl);
    add(router, "PUT", "/webhook-url", this::setWebhookUrl);
  }

  private static void add(Router router, String method, String path, RouteHandler handler) {
    router.add(
        method,
        PREFIX + path,
        request -> {
          try {
            return handler.handle(request);
          } catch (InvalidFaultException e) {
            throw problem("invalid_fault", e.getMessage());
          } catch (ConfigurationException e) {
            throw problem("invalid_setting", e.getMessage());
          }
        });
  }

  /** Drops one trailing slash so {@code /_emulator/faults/} and {@code /_emulator/faults} agree. */
  public static String normalize(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private Response faults() {
    return Response.json(200, FaultsJson.render(controls.faults(), controls.apiErrors()));
  }

  private Response updateFaults(Request request) {
    FaultsJson.Update update = FaultsJson.read(controls.faults(), request.json());
    controls.setFaults(update.faults());
    if (update.apiError() != null) {
      controls.failNextApiCalls(update.apiError());
    }
    return faults();
  }

  private Response clearFaults(Request request) {
    controls.setFaults(Faults.none());
    controls.failNextApiCalls(ApiErrorPlan.of(500, 0));
    return faults();
  }

  private Response deliveries(Request request) {
    String messageId = request.query("messageId");
    String conversation = request.query("conversation");
    List<DeliveryRecord> matching =
        controls.deliveries().stream()
            .filter(d -> messageId == null || messageId.equals(d.messageId()))
            .filter(d -> conversation == null || conversation.equals(d.conversation()))
            .toList();
    return Response.json(200, ControlJson.page(ControlJson.deliveries(matching)));
  }

  private Response requests(Request request) {
    String path = request.query("path");
    return Response.json(
        200,
        ControlJson.page(
            ControlJson.requests(
                controls.requests().stream()
                    .filter(r -> path == null || r.target().startsWith(path))
                    .toList())));
  }

  private Response reset(Request request) {
    controls.reset();
    return Response.json(200, Json.object().put("reset", true));
  }

  private Response pushWebhook(Request request) {
    JsonNode body = request.json();
    ObjectNode answer = Json.object();
    if (body.has("body")) {
      answer.set("deliveryIds", Json.tree(controls.pushWebhook(body.get("body"))));
      return Response.json(202, answer);
    }
    String conversation = Json.text(body, "conversation");
    String content = Json.text(body, "content");
    if (conversation == null || content == null) {
      throw problem(
          "invalid_push",
          "POST /_emulator/webhooks needs {\"conversation\", \"content\"} or {\"body\": {...}}");
    }
    answer.put("messageId", controls.pushReply(conversation, content));
    return Response.json(202, answer);
  }

  private Response release(Request request) {
    return Response.json(200, Json.object().put("released", controls.releaseHeldReplies()));
  }

  private Response webhookUrl() {
    return Response.json(200, Json.object().put("url", controls.webhookUrl().toString()));
  }

  private Response setWebhookUrl(Request request) {
    String url = Json.text(request.json(), "url");
    if (url == null) {
      throw problem("invalid_webhook_url", "Send {\"url\": \"http://127.0.0.1:<port>/...\"}");
    }
    controls.setWebhookUrl(url);
    return webhookUrl();
  }

  static HttpProblemException problem(String code, String detail) {
    return new HttpProblemException(400, Json.object().put("code", code).put("detail", detail));
  }
}
