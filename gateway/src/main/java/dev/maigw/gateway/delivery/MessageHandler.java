package dev.maigw.gateway.delivery;

import dev.maigw.gateway.message.StoredMessage;
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
   * Handles one message. May be called more than once for the same delivery (same {@code
   * deliveryId}), so make it idempotent. Throwing means "failed, try again later".
   */
  void handle(String deliveryId, StoredMessage message) throws Exception;
}
