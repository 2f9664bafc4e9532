package dev.maigw.emulator.fault;

/** How a webhook's {@code sender.id} is written (docs/maiagent-api.md §2.6 W3). */
public enum SenderIdType implements WireToken {
  /** A JSON number, as in the webhook doc's example. */
  NUMBER("number"),
  /** The same number as a JSON string. */
  STRING("string"),
  /** A UUID string, as in the unofficial examples. */
  UUID("uuid");

  private final String token;

  SenderIdType(String token) {
    this.token = token;
  }

  @Override
  public String token() {
    return token;
  }
}
