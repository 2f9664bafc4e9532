package dev.maigw.gateway.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Page;
import dev.maigw.gateway.system.PageRequest;
import dev.maigw.gateway.system.Problem;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/targets}: create, list, show, update, disable/enable and delete forwarding targets.
 * The signing secret is shown once, in the answer to its creation.
 */
@RestController
class TargetController {

  private final TargetStore targets;
  private final EnabledTargets enabled;
  private final TargetSettingsReader settings;

  TargetController(TargetStore targets, EnabledTargets enabled, TargetSettingsReader settings) {
    this.targets = targets;
    this.enabled = enabled;
    this.settings = settings;
  }

  /**
   * A target as the API shows it; {@code secret} only in the answer to its creation. Header values
   * and credential-like URL parameters are masked ({@link TargetRedaction}); {@code headersSet}
   * names the headers that are set.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record TargetView(
      String id,
      String name,
      String url,
      List<String> messageTypes,
      String conversation,
      String sender,
      String contentContains,
      Map<String, String> headers,
      List<String> headersSet,
      long timeoutMs,
      boolean ordered,
      boolean enabled,
      String disabledReason,
      Instant createdAt,
      Instant updatedAt,
      String secret) {

    static TargetView of(Target t, boolean withSecret) {
      return new TargetView(
          t.id(),
          t.name(),
          TargetRedaction.url(t.url()),
          t.messageTypes(),
          t.conversationFilter(),
          t.senderFilter(),
          t.contentFilter(),
          TargetRedaction.headers(t.headers()),
          List.copyOf(t.headers().keySet()),
          t.timeout().toMillis(),
          t.ordered(),
          t.enabled(),
          t.disabledReason(),
          t.createdAt(),
          t.updatedAt(),
          withSecret ? t.secret() : null);
    }
  }

  @PostMapping("/api/targets")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = TargetBody.class)))
  ResponseEntity<TargetView> create(@RequestBody JsonNode body) {
    TargetSettings parsed = settings.read(body);
    String secret =
        body.hasNonNull("secret")
            ? SigningSecret.normalise(body.get("secret").asString())
            : SigningSecret.generate();
    Target created = targets.create(parsed, UUID.randomUUID().toString(), secret);
    enabled.reload();
    return ResponseEntity.created(URI.create("/api/targets/" + created.id()))
        .body(TargetView.of(created, true));
  }

  /** {@code ?after=&limit=}, oldest first; {@code after} is the previous page's cursor. */
  @GetMapping("/api/targets")
  Page<TargetView> list(
      @RequestParam(required = false) String after, @RequestParam(required = false) Integer limit) {
    int size = PageRequest.limit(limit);
    List<String> parts = PageRequest.compositeCursor(after, 2);
    TargetStore.Position from =
        parts == null
            ? null
            : new TargetStore.Position(PageRequest.number(parts, 0, after), parts.get(1));
    return Page.of(
        targets.page(from, size),
        size,
        t -> TargetView.of(t, false),
        t -> PageRequest.compositeCursor(t.createdAt().toEpochMilli(), t.id()));
  }

  @GetMapping("/api/targets/{id}")
  TargetView one(@PathVariable String id) {
    return TargetView.of(find(id), false);
  }

  @PutMapping("/api/targets/{id}")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = TargetBody.class)))
  TargetView update(@PathVariable String id, @RequestBody JsonNode body) {
    JsonNode restored = TargetRedaction.restore(body, find(id));
    if (!targets.update(id, settings.read(restored))) {
      throw notFound();
    }
    enabled.reload();
    return TargetView.of(find(id), false);
  }

  @PostMapping("/api/targets/{id}/disable")
  TargetView disable(@PathVariable String id) {
    if (!targets.setEnabled(id, false, "Disabled through the API.")) {
      throw notFound();
    }
    enabled.reload();
    return TargetView.of(find(id), false);
  }

  @PostMapping("/api/targets/{id}/enable")
  TargetView enable(@PathVariable String id) {
    if (!targets.setEnabled(id, true, null)) {
      throw notFound();
    }
    enabled.reload();
    return TargetView.of(find(id), false);
  }

  @DeleteMapping("/api/targets/{id}")
  ResponseEntity<Void> delete(@PathVariable String id) {
    if (!targets.delete(id)) {
      throw notFound();
    }
    enabled.reload();
    return ResponseEntity.noContent().build();
  }

  private Target find(String id) {
    return targets.find(id).orElseThrow(TargetController::notFound);
  }

  private static GatewayException notFound() {
    return new GatewayException(Problem.NOT_FOUND, "No target with this id.");
  }
}
