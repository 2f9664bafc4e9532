package dev.maigw.benchmark;

import java.time.Duration;

/**
 * The times, on the {@link System#nanoTime()} scale, that bound one scenario: requests intended
 * before {@code warmupEndNanos} are warm-up and not measured; none is sent at or after {@code
 * endNanos}.
 */
record LoadWindow(long startNanos, long warmupEndNanos, long endNanos) {

  static LoadWindow startingIn(Duration delay, Duration warmup, Duration measured) {
    long start = System.nanoTime() + delay.toNanos();
    long warmupEnd = start + warmup.toNanos();
    return new LoadWindow(start, warmupEnd, warmupEnd + measured.toNanos());
  }

  Duration measured() {
    return Duration.ofNanos(endNanos - warmupEndNanos);
  }
}
