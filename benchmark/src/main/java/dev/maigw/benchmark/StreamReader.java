package dev.maigw.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * Reads the benchmark's events as {@link SseSockets} finds them: each {@code message} event's data
 * carries the nanosecond time its webhook was sent (in {@code content}), so the moment the event's
 * end is read gives the fan-out lag of that stream (from the send, and from its 200), recorded into
 * histograms shared by all streams. Keep-alive comments carry no time and are skipped.
 */
final class StreamReader implements SseSockets.EventSink {

  private static final byte[] SENT = "\"content\":\"bench t=".getBytes(StandardCharsets.US_ASCII);

  private final Recorder lag;
  private final Recorder afterAck;
  private final Map<Long, Long> acked;
  private final AtomicLong received;

  StreamReader(Recorder lag, Recorder afterAck, Map<Long, Long> acked, AtomicLong received) {
    this.lag = lag;
    this.afterAck = afterAck;
    this.acked = acked;
    this.received = received;
  }

  @Override
  public void onEvent(byte[] buffer, int from, int to, long readAtNanos) {
    int at = indexOf(buffer, from, to);
    if (at < 0) {
      return;
    }
    long sent = 0;
    for (int i = at + SENT.length; i < to && buffer[i] >= '0' && buffer[i] <= '9'; i++) {
      sent = sent * 10 + (buffer[i] - '0');
    }
    lag.recordValue(Math.max(0, readAtNanos - sent));
    // Read before its sender had the 200: nothing left to wait for after the commit.
    Long ack = acked.get(sent);
    afterAck.recordValue(ack == null ? 0 : Math.max(0, readAtNanos - ack));
    received.incrementAndGet();
  }

  private static int indexOf(byte[] buffer, int from, int to) {
    outer:
    for (int i = from; i + SENT.length <= to; i++) {
      for (int j = 0; j < SENT.length; j++) {
        if (buffer[i + j] != SENT[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
