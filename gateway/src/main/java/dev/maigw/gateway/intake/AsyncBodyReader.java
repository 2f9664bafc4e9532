package dev.maigw.gateway.intake;

import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.function.IntConsumer;

/**
 * Reads a webhook body without holding a thread: the container calls back as bytes arrive, so a
 * client that sends its body a byte at a time (slow-loris) costs a connection, not one of the
 * server's threads. Refuses (413) rather than truncates, like {@link BoundedBodyReader}, and cuts
 * off (408) a body that has not fully arrived {@code bodyTimeout} after the request began; a client
 * that goes silent altogether is cut off by the connection's idle timeout (also 408).
 *
 * <p>Exactly one of the callbacks is called, once, on a container thread.
 */
final class AsyncBodyReader implements ReadListener {

  /** What becomes of the body. */
  interface Outcome {
    void body(byte[] body);

    /** A 4xx answer to send (413, 408). */
    void refused(GatewayException problem);

    /** The client went away: nothing can be answered. */
    void aborted(Throwable cause);
  }

  private final ServletInputStream in;
  private final int maxBytes;
  private final long deadlineNanos;
  private final Outcome outcome;
  private final IntConsumer counted;
  private final ByteArrayOutputStream out;
  private final byte[] buffer = new byte[8192];
  private boolean done;

  /**
   * @param declaredLength the request's Content-Length, or -1 when chunked
   * @param startNanos {@link System#nanoTime} when the request began
   * @param counted told of every chunk of body bytes read, kept or not (for the request's log)
   */
  AsyncBodyReader(
      ServletInputStream in,
      long declaredLength,
      int maxBytes,
      Duration bodyTimeout,
      long startNanos,
      IntConsumer counted,
      Outcome outcome) {
    this.in = in;
    this.maxBytes = maxBytes;
    this.deadlineNanos = startNanos + bodyTimeout.toNanos();
    this.outcome = outcome;
    this.counted = counted;
    int initial = declaredLength >= 0 ? (int) Math.min(declaredLength, maxBytes) : 8192;
    this.out = new ByteArrayOutputStream(Math.min(initial, maxBytes) + 1);
  }

  @Override
  public void onDataAvailable() throws IOException {
    while (!done && in.isReady()) {
      int n = in.read(buffer);
      if (n == -1) {
        return; // onAllDataRead follows
      }
      counted.accept(n);
      if (out.size() + n > maxBytes) {
        finish(() -> outcome.refused(BoundedBodyReader.tooLarge(maxBytes)));
        return;
      }
      out.write(buffer, 0, n);
    }
    if (!done && System.nanoTime() - deadlineNanos > 0) {
      finish(() -> outcome.refused(tooSlow()));
    }
  }

  @Override
  public void onAllDataRead() {
    finish(() -> outcome.body(out.toByteArray()));
  }

  @Override
  public void onError(Throwable failure) {
    if (BoundedBodyReader.timedOut(failure)) {
      finish(() -> outcome.refused(tooSlow()));
    } else {
      finish(() -> outcome.aborted(failure));
    }
  }

  private GatewayException tooSlow() {
    return new GatewayException(
        Problem.REQUEST_TIMEOUT,
        "The request body did not arrive in time (received " + out.size() + " bytes).");
  }

  private void finish(Runnable answer) {
    if (done) {
      return;
    }
    done = true;
    answer.run();
  }
}
