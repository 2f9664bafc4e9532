package dev.maigw.gateway.delivery;

import dev.maigw.gateway.delivery.DeliveryLanes.Job;
import dev.maigw.gateway.delivery.DeliveryStore.Recorded;
import dev.maigw.gateway.system.LogEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * One line per delivery attempt once its record has committed, on logger {@code maigw.delivery}:
 * {@code event=delivery.attempt outcome=… deliveryId=… messageId=… target=… attempt=… status=…
 * error=… durationMs=… nextAttemptAt=…}. INFO, WARN for a delivery that is now dead. The error is
 * its code only ({@code timeout}, {@code connect_refused}, …): the rest of the text may quote the
 * target's URL, whose query can hold a secret.
 */
final class DeliveryLog {

  private static final Logger log = LoggerFactory.getLogger("maigw.delivery");

  private DeliveryLog() {}

  /**
   * Logs the attempt's outcome: {@code delivered}, {@code retry} (scheduled), {@code
   * handler_timeout} (a handler ran out of time; retried), {@code dead}, {@code lease_lost} (the
   * lease had run out and another attempt took over) or {@code cancelled} (the target was deleted
   * meanwhile). The last two left the delivery as it was.
   *
   * @param nextAttemptAt when the delivery is due again, for a retry
   */
  static void attempt(
      Job job,
      Target target,
      String messageId,
      DeliveryAttempt attempt,
      Instant nextAttemptAt,
      Recorded recorded) {
    String outcome = outcome(attempt, recorded);
    LogEvent.of("delivery.attempt")
        .with("outcome", outcome)
        .with("deliveryId", job.delivery().id())
        .with("messageId", messageId)
        .with("target", target.name())
        .with("attempt", job.delivery().attempts())
        .with("status", attempt.statusCode())
        .with("error", errorCode(attempt.error()))
        .with("durationMs", attempt.latencyMillis())
        .with(
            "nextAttemptAt",
            recorded.settled() && nextAttemptAt != null
                ? nextAttemptAt.truncatedTo(ChronoUnit.MILLIS)
                : null)
        .log(log, "dead".equals(outcome) ? Level.WARN : Level.INFO);
  }

  /** Logs an attempt whose record failed to commit: it is sent again when its lease runs out. */
  static void notRecorded(
      Job job, Target target, String messageId, DeliveryAttempt attempt, Throwable failure) {
    LogEvent.of("delivery.attempt")
        .with("outcome", "not_recorded")
        .with("deliveryId", job.delivery().id())
        .with("messageId", messageId)
        .with("target", target.name())
        .with("attempt", job.delivery().attempts())
        .with("status", attempt.statusCode())
        .with("error", errorCode(attempt.error()))
        .with("durationMs", attempt.latencyMillis())
        .with("cause", failure.toString())
        .log(log, Level.WARN);
  }

  private static String outcome(DeliveryAttempt attempt, Recorded recorded) {
    if (!recorded.settled()) {
      return Delivery.CANCELLED.equals(recorded.status()) ? "cancelled" : "lease_lost";
    }
    if (Delivery.PENDING.equals(recorded.status())) {
      return "handler_timeout".equals(errorCode(attempt.error())) ? "handler_timeout" : "retry";
    }
    return recorded.status();
  }

  /** {@code timeout} of {@code "timeout: …"}; null without an error. */
  static String errorCode(String error) {
    if (error == null) {
      return null;
    }
    int colon = error.indexOf(':');
    return colon < 0 ? error : error.substring(0, colon);
  }
}
