package dev.maigw.gateway.intake;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * What the webhook's log line needs to know about one request however it ends: when it started, the
 * length it declared and how many body bytes were actually read (a refused body may have been read
 * only in part, or not at all).
 */
final class WebhookExchange {

  private final long startNanos = System.nanoTime();
  private final long declaredBytes;
  private long bytesRead;

  /**
   * @param declaredBytes the request's Content-Length, or -1 when it gave none
   */
  WebhookExchange(long declaredBytes) {
    this.declaredBytes = declaredBytes;
  }

  long declaredBytes() {
    return declaredBytes;
  }

  /** Body bytes read so far; 0 when the request was refused before its body was read. */
  long bytesRead() {
    return bytesRead;
  }

  long elapsedNanos() {
    return System.nanoTime() - startNanos;
  }

  /** {@code in}, counting what is read from it into {@link #bytesRead()}. */
  InputStream counting(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          bytesRead++;
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
          bytesRead += n;
        }
        return n;
      }
    };
  }
}
