package dev.maigw.gateway.delivery;

import dev.maigw.gateway.message.StoredMessage;
import java.time.Duration;
import java.util.List;

/**
 * Java code that wants every stored reply, for integrators who embed the gateway: declare a Spring
 * bean implementing this. Each handler is treated as a target named {@code handler:<name>} with the
 * same guarantees as an HTTP target: called at least once per matching message, retried on the
 * retry schedule when it throws, dead (and replayable) after the last attempt, and in commit order
 * per conversation when {@link #ordered()}.
 */
public interface MessageHandler {

  /** Unique among handlers; part of the target's id, so keep it stable. */
  String name();

  /** Message types to receive; empty receives all. */
  default List<String> messageTypes() {
    return List.of("outgoing");
  }

  /** Whether one conversation's messages come one at a time, in commit order. */
  default boolean ordered() {
    return false;
  }

  /**
   * How long one call may take, 100 ms to 60 s; default 10 s. A call still running then is
   * interrupted and counts as a failed attempt ({@code handler_timeout}), retried like any other,
   * so that a delivery is never handled twice at once.
   */
  default Duration timeout() {
    return Duration.ofSeconds(10);
  }

  /**
   * Handles one message. May be called more than once for the same delivery (same {@code
   * deliveryId}), so make it idempotent. Throwing means "failed, try again later". Called on a
   * thread of its own; stop when interrupted (the timeout has passed).
   */
  void handle(String deliveryId, StoredMessage message) throws Exception;
}
