package dev.maigw.gateway.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Logs the 5xx problems the gateway answers: one line per answer (code and detail), and the cause
 * with its stack trace at most once per {@link #CAUSE_INTERVAL}. While the store is locked every
 * webhook is answered 503 for the same reason; a trace per answer would bury everything else in the
 * log and cost more than the answer itself.
 */
@Component
public class ServerErrorLog {

  /** At most one detailed cause per this long. */
  static final Duration CAUSE_INTERVAL = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(ServerErrorLog.class);

  private final Clock clock;
  private final AtomicReference<Instant> lastCauseAt = new AtomicReference<>();

  public ServerErrorLog(Clock clock) {
    this.clock = clock;
  }

  /** Logs {@code e} if it is answered with a 5xx status; does nothing for client errors. */
  public void answered(GatewayException e) {
    if (!e.status().is5xxServerError()) {
      return;
    }
    Throwable cause = e.getCause();
    if (cause != null && mayLogCause()) {
      log.warn(
          "{}: {} (cause below; repeats within {}s are left out)",
          e.code(),
          e.getMessage(),
          CAUSE_INTERVAL.toSeconds(),
          cause);
      return;
    }
    log.warn(
        "{}: {}{}",
        e.code(),
        e.getMessage(),
        cause == null ? "" : " (" + cause.getClass().getSimpleName() + ")");
  }

  private boolean mayLogCause() {
    Instant now = clock.instant();
    Instant last = lastCauseAt.get();
    if (last != null && now.isBefore(last.plus(CAUSE_INTERVAL)) && !now.isBefore(last)) {
      return false;
    }
    return lastCauseAt.compareAndSet(last, now);
  }
}
