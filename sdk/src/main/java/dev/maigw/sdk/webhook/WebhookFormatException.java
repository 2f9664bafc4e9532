package dev.maigw.sdk.webhook;

/**
 * Thrown by {@link MaiAgentWebhookReader} when a body cannot be read as a MaiAgent webhook.
 *
 * <p>The {@link #detail()} is a fixed sentence plus identifiers, written for the developer who sent
 * the body; it quotes at most about 80 characters of the body, escaped for a one-line log. The
 * exception carries no cause, so body fragments cannot reach logs through a parser message, and no
 * stack trace, because it reports a bad input rather than a fault in this code.
 */
public final class WebhookFormatException extends RuntimeException {

  private final WebhookFormatProblem problem;
  private final String detail;
  private final String messageId;

  /**
   * Creates the exception.
   *
   * @param problem the stable problem code
   * @param detail a human sentence explaining what is wrong
   */
  public WebhookFormatException(WebhookFormatProblem problem, String detail) {
    this(problem, detail, null);
  }

  private WebhookFormatException(WebhookFormatProblem problem, String detail, String messageId) {
    super(problem.code() + ": " + detail, null, false, false);
    this.problem = problem;
    this.detail = detail;
    this.messageId = messageId;
  }

  /**
   * Returns the same failure, naming the message id that was read before it, so that a refusal can
   * be logged and traced under the id the sender will retry with.
   */
  WebhookFormatException withMessageId(String id) {
    return new WebhookFormatException(problem, detail, id);
  }

  /** Returns why the body was rejected. */
  public WebhookFormatProblem problem() {
    return problem;
  }

  /** Returns the human sentence, e.g. {@code Field 'id' is required.} */
  public String detail() {
    return detail;
  }

  /**
   * Returns the body's message id when it could be read (the body is a JSON object with a usable
   * {@code id} and failed later), else null. Untrusted text: escape it before logging.
   */
  public String messageId() {
    return messageId;
  }
}
