package dev.maigw.gateway.message;

import java.util.Locale;

/** How a stored reply reached the gateway. */
public enum MessageSource {
  /** MaiAgent posted it to the webhook endpoint; the body is the webhook's bytes. */
  WEBHOOK,
  /**
   * Read back from MaiAgent's message list because its webhook never arrived; the body is the
   * list's JSON for that message, byte for byte.
   */
  RECONCILED;

  /** Lower-case name, as stored in the {@code source} column and shown by the API. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The source a stored label names; unknown labels (a newer gateway's) read as webhook. */
  public static MessageSource fromLabel(String label) {
    return "reconciled".equals(label) ? RECONCILED : WEBHOOK;
  }
}
