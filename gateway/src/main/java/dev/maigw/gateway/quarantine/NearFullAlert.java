package dev.maigw.gateway.quarantine;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one WARN when the quarantine crosses {@link QuarantineStore#NEAR_FULL} of a cap, not one per
 * body, and warns again only after it has dropped below the mark in between. Logged under the
 * store's name, next to its "quarantine full" alert.
 */
final class NearFullAlert {

  private static final Logger log = LoggerFactory.getLogger(QuarantineStore.class);

  private final QuarantineProperties limits;
  private final AtomicBoolean armed = new AtomicBoolean();

  NearFullAlert(QuarantineProperties limits) {
    this.limits = limits;
  }

  /** Whether the last fill seen was at the mark or above. */
  boolean isNearFull() {
    return armed.get();
  }

  /** Takes in the quarantine's fill ratio after a change. */
  void observe(double ratio) {
    if (ratio < QuarantineStore.NEAR_FULL) {
      armed.set(false);
    } else if (armed.compareAndSet(false, true)) {
      log.warn(
          "ALERT quarantine {} % full (caps {} bodies / {} bytes); delete or re-ingest bodies"
              + " before new ones are refused",
          Math.round(ratio * 100), limits.maxRows(), limits.maxBytes());
    }
  }
}
