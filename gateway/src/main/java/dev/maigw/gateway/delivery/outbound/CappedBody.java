package dev.maigw.gateway.delivery.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.apache.hc.core5.http.HttpEntity;

/**
 * A response body read no further than a cap. The caller discards the connection when {@link
 * #overCap()} is true, so the rest is never read, not even to drain it for reuse.
 *
 * @param snippet the first bytes, up to the snippet size
 * @param overCap whether the body continued past the read cap
 */
record CappedBody(byte[] snippet, boolean overCap) {

  static CappedBody read(HttpEntity entity, int maxReadBytes, int snippetBytes) throws IOException {
    if (entity == null) {
      return new CappedBody(new byte[0], false);
    }
    byte[] snippet = new byte[snippetBytes];
    byte[] buffer = new byte[8192];
    long total = 0;
    InputStream in = entity.getContent();
    if (in == null) {
      return new CappedBody(new byte[0], false);
    }
    int n;
    // Read one byte past the cap to tell "exactly the cap" from "more than the cap".
    while (total <= maxReadBytes
        && (n = in.read(buffer, 0, (int) Math.min(buffer.length, maxReadBytes + 1 - total)))
            != -1) {
      if (total < snippetBytes) {
        System.arraycopy(buffer, 0, snippet, (int) total, (int) Math.min(n, snippetBytes - total));
      }
      total += n;
    }
    return new CappedBody(
        Arrays.copyOf(snippet, (int) Math.min(total, snippetBytes)), total > maxReadBytes);
  }
}
