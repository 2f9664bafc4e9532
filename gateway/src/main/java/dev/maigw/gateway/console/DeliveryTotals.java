package dev.maigw.gateway.console;

import java.util.Map;

/** Deliveries by status, and delivered among finished ones (null before any finished). */
public record DeliveryTotals(long pending, long delivered, long dead, Double successRate) {

  static DeliveryTotals of(Map<String, Long> counts) {
    long delivered = counts.getOrDefault("delivered", 0L);
    long dead = counts.getOrDefault("dead", 0L);
    return new DeliveryTotals(
        counts.getOrDefault("pending", 0L),
        delivered,
        dead,
        delivered + dead == 0 ? null : (double) delivered / (delivered + dead));
  }
}
