package dev.maigw.gateway.delivery;

import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * What another feature (the console) may see and do with forwarding: deliveries and their attempts,
 * replays, target changes and health. Each change takes the same path as the {@code /api/targets}
 * and {@code /api/deliveries} routes, with the same checks.
 */
@Component
public class DeliveryAdmin {

  static final Duration HEALTH_WINDOW = Duration.ofHours(24);

  private final DeliveryStore deliveries;
  private final TargetStore targets;
  private final EnabledTargets enabled;
  private final DeliveryWakeUps wakeUps;
  private final Clock clock;
  private final TargetSettingsReader settingsReader;

  DeliveryAdmin(
      DeliveryStore deliveries,
      TargetStore targets,
      EnabledTargets enabled,
      DeliveryWakeUps wakeUps,
      Clock clock,
      TargetSettingsReader settingsReader) {
    this.settingsReader = settingsReader;
    this.deliveries = deliveries;
    this.targets = targets;
    this.enabled = enabled;
    this.wakeUps = wakeUps;
    this.clock = clock;
  }

  /**
   * A target's delivery counts, all time, and its attempts over the last 24 hours.
   *
   * @param successRate24h attempts answered 2xx among those started in the last 24 hours, null
   *     without any
   */
  public record Health(
      long pending,
      long delivered,
      long dead,
      long attempts24h,
      Double successRate24h,
      String lastError) {}

  /** Deliveries matching the filters (each may be null), newest first, before {@code before}. */
  public List<Delivery> deliveries(
      String targetId, String status, Instant from, Instant before, int limit) {
    return deliveries.search(null, targetId, status, from, before, limit);
  }

  public Optional<Delivery> delivery(String id) {
    return deliveries.find(id);
  }

  public List<DeliveryAttempt> attempts(String deliveryId) {
    return deliveries.attempts(deliveryId);
  }

  /** Deliveries by status ({@code pending}, {@code delivered}, {@code dead}), all targets. */
  public Map<String, Long> countsByStatus() {
    return deliveries.countsByStatus();
  }

  public Health health(String targetId) {
    TargetHealth all = deliveries.health(targetId);
    DeliveryStore.AttemptCounts recent =
        deliveries.attemptsSince(targetId, clock.instant().minus(HEALTH_WINDOW));
    return new Health(
        all.pending(),
        all.delivered(),
        all.dead(),
        recent.attempts(),
        recent.attempts() == 0 ? null : (double) recent.succeeded() / recent.attempts(),
        all.lastError());
  }

  /**
   * Sends one dead delivery again (same id, fresh schedule).
   *
   * @throws GatewayException 404 for an unknown delivery, 400 when it is not dead
   */
  public int replay(String deliveryId) {
    Delivery delivery =
        deliveries
            .find(deliveryId)
            .orElseThrow(
                () -> new GatewayException(Problem.NOT_FOUND, "No delivery with this id."));
    if (!Delivery.DEAD.equals(delivery.status())) {
      throw new GatewayException(
          Problem.INVALID_REQUEST,
          "Only dead deliveries can be replayed; this one is " + delivery.status() + ".");
    }
    return replayed(deliveries.replay(deliveryId, null, null, null));
  }

  /** How many dead deliveries {@link #replayDead} would send again with these filters. */
  public long countDead(String targetId, String conversationId, Instant since) {
    return deliveries.countDead(targetId, conversationId, since);
  }

  /** Sends every dead delivery matching the filters (each may be null) again. */
  public int replayDead(String targetId, String conversationId, Instant since) {
    return replayed(deliveries.replay(null, targetId, conversationId, since));
  }

  public List<Target> targets() {
    return targets.list();
  }

  public Optional<Target> target(String id) {
    return targets.find(id);
  }

  /**
   * Creates a target from the same JSON as {@code POST /api/targets}; the answer holds the secret,
   * to be shown once.
   */
  public Target createTarget(JsonNode settings) {
    TargetSettings parsed = settingsReader.read(settings);
    String secret =
        settings.hasNonNull("secret")
            ? SigningSecret.normalise(settings.get("secret").asString())
            : SigningSecret.generate();
    Target created = targets.create(parsed, UUID.randomUUID().toString(), secret);
    enabled.reload();
    return created;
  }

  /** Replaces a target's settings as {@code PUT /api/targets/{id}}; false when unknown. */
  public boolean updateTarget(String id, JsonNode settings) {
    Optional<Target> stored = targets.find(id);
    if (stored.isEmpty()) {
      return false;
    }
    JsonNode restored = TargetRedaction.restore(settings, stored.get());
    boolean updated = targets.update(id, settingsReader.read(restored));
    enabled.reload();
    return updated;
  }

  public boolean setTargetEnabled(String id, boolean on) {
    boolean changed = targets.setEnabled(id, on, on ? null : "Disabled in the console.");
    enabled.reload();
    return changed;
  }

  public boolean deleteTarget(String id) {
    boolean deleted = targets.delete(id);
    enabled.reload();
    return deleted;
  }

  private int replayed(int count) {
    wakeUps.signal();
    return count;
  }
}
