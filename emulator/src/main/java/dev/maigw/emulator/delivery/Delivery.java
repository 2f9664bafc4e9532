package dev.maigw.emulator.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One copy of one webhook in flight; mutated only by the delivery worker. */
final class Delivery {
  private final String id = UUID.randomUUID().toString();
  private final Outbound outbound;
  private final int copy;
  private final long generation;
  private final List<DeliveryAttempt> attempts = new ArrayList<>();
  private DeliveryState state = DeliveryState.PENDING;
  private Instant nextAttemptAt;

  Delivery(Outbound outbound, int copy, long generation) {
    this.outbound = outbound;
    this.copy = copy;
    this.generation = generation;
  }

  String id() {
    return id;
  }

  Outbound outbound() {
    return outbound;
  }

  long generation() {
    return generation;
  }

  synchronized int attemptsMade() {
    return attempts.size();
  }

  synchronized void schedule(DeliveryState next, Instant at) {
    state = next;
    nextAttemptAt = at;
  }

  synchronized void recordAttempt(DeliveryAttempt attempt, DeliveryState next, Instant nextAt) {
    attempts.add(attempt);
    state = next;
    nextAttemptAt = nextAt;
  }

  synchronized DeliveryRecord snapshot() {
    return new DeliveryRecord(
        id,
        outbound.messageId(),
        outbound.conversation(),
        copy,
        outbound.bodyText(),
        state,
        List.copyOf(attempts),
        nextAttemptAt);
  }
}
