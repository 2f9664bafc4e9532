package dev.maigw.gateway.delivery;

import dev.maigw.gateway.message.MessageStore;
import dev.maigw.gateway.message.StoredMessage;
import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Page;
import dev.maigw.gateway.system.PageRequest;
import dev.maigw.gateway.system.Problem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deliveries with their attempts, dead letters, replay, and per-target health. A replayed delivery
 * keeps its id, which is also its {@code webhook-id}, so receivers can deduplicate.
 */
@RestController
class DeliveryController {

  private static final int DEFAULT_LIMIT = 100;
  private static final Set<String> STATUSES =
      Set.of(Delivery.PENDING, Delivery.DELIVERED, Delivery.DEAD, Delivery.CANCELLED);

  private final DeliveryStore deliveries;
  private final TargetStore targets;
  private final MessageStore messages;
  private final DeliveryWakeUps wakeUps;

  DeliveryController(
      DeliveryStore deliveries,
      TargetStore targets,
      MessageStore messages,
      DeliveryWakeUps wakeUps) {
    this.deliveries = deliveries;
    this.targets = targets;
    this.messages = messages;
    this.wakeUps = wakeUps;
  }

  record DeliveryView(Delivery delivery, List<DeliveryAttempt> attempts) {}

  /**
   * {@code ?messageId=&targetId=&status=pending|delivered|dead|cancelled&before=&limit=}, newest
   * first, {@code limit} 1–500 (default 100); {@code before} is the previous page's {@code
   * nextCursor}.
   */
  @GetMapping("/api/deliveries")
  Page<Delivery> list(
      @RequestParam(required = false) String messageId,
      @RequestParam(required = false) String targetId,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String before,
      @RequestParam(required = false) Integer limit) {
    int size = PageRequest.limit(limit, DEFAULT_LIMIT);
    if (status != null && !STATUSES.contains(status)) {
      throw new GatewayException(
          Problem.BAD_REQUEST, "status must be one of pending, delivered, dead, cancelled.");
    }
    DeliveryStore.Position after = position(before);
    Long seq = null;
    if (messageId != null) {
      seq = messages.find(messageId).map(StoredMessage::seq).orElse(-1L);
    }
    return Page.of(
        deliveries.page(seq, targetId, status, after, size),
        size,
        d -> d,
        d -> cursor(DeliveryStore.Position.of(d)));
  }

  private static String cursor(DeliveryStore.Position p) {
    return PageRequest.compositeCursor(p.createdAtMs(), p.messageSeq(), p.deliveryId());
  }

  private static DeliveryStore.Position position(String cursor) {
    List<String> parts = PageRequest.compositeCursor(cursor, 3);
    if (parts == null) {
      return null;
    }
    return new DeliveryStore.Position(
        PageRequest.number(parts, 0, cursor), PageRequest.number(parts, 1, cursor), parts.get(2));
  }

  @GetMapping("/api/deliveries/{id}")
  DeliveryView one(@PathVariable String id) {
    Delivery delivery =
        deliveries
            .find(id)
            .orElseThrow(
                () -> new GatewayException(Problem.NOT_FOUND, "No delivery with this id."));
    return new DeliveryView(delivery, deliveries.attempts(id));
  }

  /** Sends one dead delivery again, with a fresh retry schedule and the same id. */
  @PostMapping("/api/deliveries/{id}/replay")
  Map<String, Integer> replay(@PathVariable String id) {
    Delivery delivery = one(id).delivery();
    if (!Delivery.DEAD.equals(delivery.status())) {
      throw new GatewayException(
          Problem.INVALID_REQUEST,
          "Only dead deliveries can be replayed; this one is " + delivery.status() + ".");
    }
    return replayed(deliveries.replay(id, null, null, null));
  }

  /**
   * Sends every dead delivery matching the filters again: {@code ?targetId=}, {@code
   * ?conversation=}, {@code ?since=} (an ISO-8601 instant: recorded at or after it).
   */
  @PostMapping("/api/deliveries/replay")
  Map<String, Integer> replayDead(
      @RequestParam(required = false) String targetId,
      @RequestParam(required = false) String conversation,
      @RequestParam(required = false) String since) {
    Instant from = null;
    if (since != null) {
      try {
        from = Instant.parse(since);
      } catch (DateTimeParseException e) {
        throw new GatewayException(
            Problem.BAD_REQUEST, "since must be an ISO-8601 instant such as 2026-11-26T08:00:00Z.");
      }
    }
    return replayed(deliveries.replay(null, targetId, conversation, from));
  }

  @GetMapping("/api/targets/{id}/health")
  TargetHealth health(@PathVariable String id) {
    targets
        .find(id)
        .orElseThrow(() -> new GatewayException(Problem.NOT_FOUND, "No target with this id."));
    return deliveries.health(id);
  }

  private Map<String, Integer> replayed(int count) {
    wakeUps.signal();
    return Map.of("replayed", count);
  }
}
