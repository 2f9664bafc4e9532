package dev.maigw.gateway.message;

/** What storing a webhook did. Every outcome is acknowledged with 200. */
public enum InsertOutcome {
  /** First delivery of this message id: a new row. */
  STORED,
  /** A retry of a stored message with the same body: nothing new stored. */
  DUPLICATE,
  /** The id was stored before with a different body: the first body is kept, conflict counted. */
  CONFLICT;

  /** Lower-case name used in metrics, logs and the {@code X-Maigw-Outcome} header. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
