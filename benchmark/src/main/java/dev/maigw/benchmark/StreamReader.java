package dev.maigw.benchmark;

import java.util.Map;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * One SSE stream's lines as they arrive: each {@code message} event's data carries the nanosecond
 * time its webhook was sent (in {@code content}), so the moment its last line is read gives the
 * fan-out lag of that stream (from the send, and from its 200), recorded into histograms shared by
 * all streams.
 */
final class StreamReader implements Flow.Subscriber<String> {

  private static final String SENT = "\"content\":\"bench t=";

  private final Recorder lag;
  private final Recorder afterAck;
  private final Map<Long, Long> acked;
  private final AtomicLong received;
  private String data;
  private Flow.Subscription subscription;

  StreamReader(Recorder lag, Recorder afterAck, Map<Long, Long> acked, AtomicLong received) {
    this.lag = lag;
    this.afterAck = afterAck;
    this.acked = acked;
    this.received = received;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(String line) {
    if (line.startsWith("data: ")) {
      data = line.substring(6);
    } else if (line.isEmpty() && data != null) {
      int at = data.indexOf(SENT);
      if (at >= 0) {
        int from = at + SENT.length();
        long sent = Long.parseLong(data, from, data.indexOf('"', from), 10);
        long now = System.nanoTime();
        lag.recordValue(Math.max(0, now - sent));
        // Read before its sender had the 200: nothing left to wait for after the commit.
        Long ack = acked.get(sent);
        afterAck.recordValue(ack == null ? 0 : Math.max(0, now - ack));
        received.incrementAndGet();
      }
      data = null;
    }
  }

  void cancel() {
    if (subscription != null) {
      subscription.cancel();
    }
  }

  @Override
  public void onError(Throwable failure) {
    // The benchmark hung up, or the gateway closed the stream: counted as missing events.
  }

  @Override
  public void onComplete() {
    // As above.
  }
}
