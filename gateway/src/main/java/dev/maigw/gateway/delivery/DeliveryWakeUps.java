package dev.maigw.gateway.delivery;

import dev.maigw.gateway.system.WakeUps;
import org.springframework.stereotype.Component;

/**
 * Deliveries may be due now: raised after deliveries are committed or replayed, awaited by the
 * worker. A bean of its own so the recorder (inside the message store's commit) does not depend on
 * the worker.
 */
@Component
class DeliveryWakeUps extends WakeUps {}
