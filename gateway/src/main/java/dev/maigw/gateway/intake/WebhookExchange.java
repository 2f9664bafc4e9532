package dev.maigw.gateway.intake;

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

  long startNanos() {
    return startNanos;
  }

  /** Counts {@code n} more body bytes read. */
  void countRead(int n) {
    bytesRead += n;
  }
}
