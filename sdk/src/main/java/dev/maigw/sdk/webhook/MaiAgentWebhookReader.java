package dev.maigw.sdk.webhook;

import java.util.Objects;

/**
 * Reads a MaiAgent reply webhook body into a {@link WebhookMessage}.
 *
 * <p>Reading has two stages. The syntax stage accepts exactly one JSON object in UTF-8 (a byte
 * order mark is allowed) with no duplicate property names, no trailing content, no comments, single
 * quotes or {@code NaN}, and within {@link ReaderLimits}; a 10,000-deep array fails fast on the
 * depth limit. The schema stage requires {@code id} and a conversation id and checks the types of
 * the other known fields, tolerating every variant listed in the API notes (W1–W14). Values that
 * are merely odd are kept or dropped with a note in {@link WebhookMessage#warnings()}.
 *
 * <p>The reader never re-serialises the body: callers store the bytes they received and use the
 * message only to read fields. One instance is thread-safe and meant to be shared.
 */
public final class MaiAgentWebhookReader {

  private final JsonBodyParser parser;
  private final MessageReader messages;

  /** Creates a reader with {@link ReaderLimits#defaults()}. */
  public MaiAgentWebhookReader() {
    this(ReaderLimits.defaults());
  }

  /** Creates a reader with the given limits. */
  public MaiAgentWebhookReader(ReaderLimits limits) {
    Objects.requireNonNull(limits, "limits");
    this.parser = new JsonBodyParser(limits);
    this.messages = new MessageReader(limits);
  }

  /**
   * Parses raw body bytes. Safe to call concurrently and repeatedly; the array is not modified.
   *
   * @param body the body exactly as received; its size is capped by the caller
   * @return the message; never null
   * @throws WebhookFormatException if the body is not a readable MaiAgent webhook; {@link
   *     WebhookFormatProblem#isSyntax()} tells a syntax problem (400) from a schema problem (422)
   * @throws NullPointerException if {@code body} is null
   */
  public WebhookMessage read(byte[] body) throws WebhookFormatException {
    Objects.requireNonNull(body, "body");
    return messages.read(parser.parse(body));
  }
}
