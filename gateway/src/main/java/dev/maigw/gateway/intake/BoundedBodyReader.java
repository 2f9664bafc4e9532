package dev.maigw.gateway.intake;

import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;
import java.net.SocketTimeoutException;

/**
 * The body limits shared by the webhook's checks: 413 past the byte limit (refused rather than
 * truncated: a cut-off body must never be stored as if it were whole), and what counts as a client
 * that stopped sending.
 */
final class BoundedBodyReader {

  private BoundedBodyReader() {}

  static GatewayException tooLarge(int maxBytes) {
    return new GatewayException(
        Problem.BODY_TOO_LARGE, "The request body is larger than " + maxBytes + " bytes.");
  }

  /** Whether {@code failure} says the client stopped sending (rather than went away). */
  static boolean timedOut(Throwable failure) {
    return hasCause(failure, SocketTimeoutException.class)
        || hasCause(failure, java.util.concurrent.TimeoutException.class);
  }

  private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
