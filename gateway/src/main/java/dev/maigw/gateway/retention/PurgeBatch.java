package dev.maigw.gateway.retention;

import java.util.EnumMap;
import java.util.Map;

/**
 * What one batch (one write) deleted, and where the next batch of the same kind starts.
 *
 * @param selected rows the batch looked at; fewer than the batch size means the kind is done
 * @param afterTime with {@code afterKey}, the keyset cursor past the last row looked at, so rows a
 *     batch keeps (a message with a pending delivery) are not read again by the next one
 */
record PurgeBatch(int selected, Map<PurgeKind, Integer> purged, long afterTime, long afterKey) {

  static PurgeBatch of(int selected, long afterTime, long afterKey) {
    return new PurgeBatch(selected, new EnumMap<>(PurgeKind.class), afterTime, afterKey);
  }

  PurgeBatch count(PurgeKind kind, int rows) {
    purged.merge(kind, rows, Integer::sum);
    return this;
  }
}
