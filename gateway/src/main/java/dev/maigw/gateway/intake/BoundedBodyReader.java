package dev.maigw.gateway.intake;

import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;

/**
 * Reads a request body up to a byte limit. Refuses (413) rather than truncates: a cut-off body must
 * never be stored as if it were whole.
 */
final class BoundedBodyReader {

  private BoundedBodyReader() {}

  /**
   * @param declaredLength the request's Content-Length, or -1 when chunked
   * @throws GatewayException 413 past {@code maxBytes}, 408 when the client stops sending
   * @throws UncheckedIOException when the client went away (no answer can be sent)
   */
  static byte[] read(InputStream in, long declaredLength, int maxBytes) {
    if (declaredLength > maxBytes) {
      throw tooLarge(maxBytes);
    }
    int initial = declaredLength >= 0 ? (int) declaredLength : 8192;
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(initial, maxBytes) + 1);
    byte[] buffer = new byte[8192];
    try {
      int n;
      while ((n = in.read(buffer)) != -1) {
        if (out.size() + n > maxBytes) {
          throw tooLarge(maxBytes);
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      // Jetty reports an idle client as a TimeoutException cause, Tomcat as SocketTimeoutException.
      if (hasCause(e, SocketTimeoutException.class)
          || hasCause(e, java.util.concurrent.TimeoutException.class)) {
        throw new GatewayException(
            Problem.REQUEST_TIMEOUT,
            "The request body did not arrive in time (received " + out.size() + " bytes).");
      }
      throw new UncheckedIOException("Client went away while sending the body", e);
    }
    return out.toByteArray();
  }

  static GatewayException tooLarge(int maxBytes) {
    return new GatewayException(
        Problem.BODY_TOO_LARGE, "The request body is larger than " + maxBytes + " bytes.");
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
