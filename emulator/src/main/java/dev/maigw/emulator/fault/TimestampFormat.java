package dev.maigw.emulator.fault;

/** How a webhook's creation timestamp value is written (docs/maiagent-api.md §2.6 W2). */
public enum TimestampFormat implements WireToken {
  /** Epoch milliseconds as a JSON string, as in every documented example. */
  MILLIS_STRING("ms"),
  /** Epoch milliseconds as a JSON number. */
  MILLIS_NUMBER("ms-number"),
  /** Epoch seconds as a JSON string. */
  SECONDS_STRING("seconds"),
  /** ISO-8601 UTC, as in the unofficial placeholder examples. */
  ISO("iso");

  private final String token;

  TimestampFormat(String token) {
    this.token = token;
  }

  @Override
  public String token() {
    return token;
  }
}
