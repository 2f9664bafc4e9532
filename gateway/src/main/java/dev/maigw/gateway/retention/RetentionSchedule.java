package dev.maigw.gateway.retention;

import dev.maigw.gateway.system.Loops;
import dev.maigw.gateway.system.PollingLoop;
import dev.maigw.gateway.system.WakeUps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Starts a purge run every {@code maigw.retention.interval}, the first {@code first-run-after} the
 * start, on its own thread; only when some retention is set. Due times follow the injected clock
 * (looked at once a second), so a test that moves the clock past a due time sees the run without
 * waiting for it.
 */
@Component
class RetentionSchedule implements SmartLifecycle {

  /** How often the thread looks at the clock; costs nothing but the look. */
  private static final Duration LOOK = Duration.ofSeconds(1);

  private final RetentionPurger purger;
  private final RetentionSettings settings;
  private final RetentionProperties properties;
  private final Clock clock;
  private final PollingLoop loop;
  private volatile Instant nextRun;

  RetentionSchedule(
      RetentionPurger purger,
      RetentionSettings settings,
      RetentionProperties properties,
      Clock clock,
      Loops loops) {
    this.purger = purger;
    this.settings = settings;
    this.properties = properties;
    this.clock = clock;
    this.loop = new PollingLoop("retention-purge", new WakeUps(), LOOK, this::runIfDue, loops);
  }

  /** When the next run is due, or null when no retention is set. */
  Instant nextRun() {
    return nextRun;
  }

  private void runIfDue() {
    Instant now = clock.instant();
    if (now.isBefore(nextRun)) {
      return;
    }
    nextRun = now.plus(properties.interval());
    purger.runOnce();
  }

  @Override
  public void start() {
    if (settings.anySet()) {
      nextRun = clock.instant().plus(properties.firstRunAfter());
      loop.start();
    }
  }

  @Override
  public void stop() {
    purger.stop();
    if (loop.isRunning()) {
      loop.stop();
    }
  }

  @Override
  public boolean isRunning() {
    return loop.isRunning();
  }

  /** Checks the retentions once, at start, so a mistake ends the start with one sentence. */
  @Configuration(proxyBeanMethods = false)
  static class Settings {
    @Bean
    RetentionSettings retentionSettings(RetentionProperties properties) {
      return RetentionSettings.of(properties);
    }
  }
}
