package dev.maigw.gateway.delivery;

/**
 * A target's delivery counts and latest failure.
 *
 * @param pending the target's queue depth
 * @param cancelled ended unsent because a target with this id was deleted
 * @param successRate delivered among finished deliveries (delivered or dead), null before any
 */
record TargetHealth(
    String targetId,
    long pending,
    long delivered,
    long dead,
    long cancelled,
    Double successRate,
    String lastError) {

  TargetHealth(
      String targetId, long pending, long delivered, long dead, long cancelled, String lastError) {
    this(
        targetId,
        pending,
        delivered,
        dead,
        cancelled,
        delivered + dead == 0 ? null : (double) delivered / (delivered + dead),
        lastError);
  }
}
