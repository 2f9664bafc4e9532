package dev.maigw.gateway.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock that stands still until a test moves it, so retries, leases, reply timeouts and tolerance
 * windows are tested by setting time rather than sleeping. Thread-safe.
 *
 * <p>Put it into a running gateway with {@code RunningGateway.startWith(props,
 * SettableClock.Override.class)} and fetch it with {@code gateway.bean(SettableClock.class)}.
 */
public final class SettableClock extends Clock {

  private final AtomicReference<Instant> now;

  public SettableClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  /** A clock standing at the real current time (rounded to milliseconds). */
  public static SettableClock atNow() {
    return new SettableClock(Instant.ofEpochMilli(System.currentTimeMillis()));
  }

  public void advance(Duration by) {
    now.updateAndGet(t -> t.plus(by));
  }

  public void set(Instant to) {
    now.set(to);
  }

  @java.lang.Override
  public Instant instant() {
    return now.get();
  }

  @java.lang.Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @java.lang.Override
  public Clock withZone(ZoneId zone) {
    if (ZoneOffset.UTC.equals(zone)) {
      return this;
    }
    throw new UnsupportedOperationException("The gateway works in UTC only.");
  }

  /**
   * Replaces the gateway's clock with a {@link SettableClock} standing at the current time. Not a
   * {@code @Configuration}: component scanning would then find it in every test gateway and stop
   * the clock of all of them; passed as a source, its {@code @Bean} method is still used.
   */
  public static class Override {
    @Bean
    @Primary
    SettableClock settableClock() {
      return atNow();
    }
  }
}
