package dev.maigw.gateway.retention;

import java.util.Locale;

/** What a purge deletes, as counted in metrics ({@code kind} tag) and in the last run's result. */
public enum PurgeKind {
  MESSAGES,
  TOMBSTONES,
  CONVERSATIONS,
  DELIVERIES,
  ATTEMPTS,
  SENDS,
  BRIDGE_CONVERSATIONS,
  QUARANTINE;

  /** Lower-case name for the metric tag and the JSON. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
