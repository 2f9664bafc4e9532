package dev.maigw.gateway.retention;

import dev.maigw.gateway.storage.GroupCommitWriter;
import dev.maigw.gateway.storage.GroupCommitWriter.Work;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the purge: every kind with a retention, batch after batch through the group-commit writer,
 * pausing between batches so webhooks are never held behind a long delete. Counts the rows in
 * {@code maigw_retention_purged_total{kind}} and keeps the last run's result.
 */
@Component
public class RetentionPurger {

  private static final Logger log = LoggerFactory.getLogger(RetentionPurger.class);

  private final GroupCommitWriter writer;
  private final RetentionSettings settings;
  private final RetentionProperties properties;
  private final Clock clock;
  private final Map<PurgeKind, Counter> counters = new EnumMap<>(PurgeKind.class);
  private volatile PurgeRun lastRun;
  private volatile boolean stopped;

  RetentionPurger(
      GroupCommitWriter writer,
      RetentionSettings settings,
      RetentionProperties properties,
      MeterRegistry meters,
      Clock clock) {
    this.writer = writer;
    this.settings = settings;
    this.properties = properties;
    this.clock = clock;
    for (PurgeKind kind : PurgeKind.values()) {
      counters.put(
          kind,
          Counter.builder("maigw.retention.purged")
              .description("Rows deleted by the retention purge, by kind")
              .tag("kind", kind.label())
              .register(meters));
    }
  }

  /** The last run's result, or null before the first one. */
  public PurgeRun lastRun() {
    return lastRun;
  }

  /** Ends a run in progress after its current batch; later runs do nothing. */
  void stop() {
    stopped = true;
  }

  /**
   * Purges everything past its retention as of the clock's now, and returns what it did. One run at
   * a time: a caller waits for a run in progress to finish.
   */
  public synchronized PurgeRun runOnce() {
    Instant started = clock.instant();
    Tally tally = new Tally();
    String error = null;
    try {
      purgeAll(started.toEpochMilli(), tally);
    } catch (RuntimeException e) {
      error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      log.warn("Retention purge stopped early, carrying on at the next run: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    }
    PurgeRun run = new PurgeRun(started, clock.instant(), tally.labelled(), tally.batches, error);
    if (!run.purged().isEmpty()) {
      log.info("Retention purge deleted {} in {} writes", run.purged(), run.batches());
    }
    lastRun = run;
    return run;
  }

  private void purgeAll(long now, Tally tally) throws InterruptedException {
    int limit = properties.batchSize();
    if (settings.deliveries() != null) {
      long cutoff = now - settings.deliveries().toMillis();
      drain(tally, b -> HistoryPurge.deliveries(cutoff, limit));
    }
    if (settings.messages() != null) {
      long cutoff = now - settings.messages().toMillis();
      drain(
          tally,
          b ->
              MessagePurge.batch(
                  cutoff,
                  b == null ? Long.MIN_VALUE : b.afterTime(),
                  b == null ? Long.MIN_VALUE : b.afterKey(),
                  limit,
                  now));
      long window = now - settings.tombstoneWindow().toMillis();
      drain(tally, b -> MessagePurge.tombstones(window, limit));
    }
    if (settings.sends() != null) {
      long cutoff = now - settings.sends().toMillis();
      drain(tally, b -> HistoryPurge.sends(cutoff, limit));
      drain(tally, b -> HistoryPurge.bridgeConversations(cutoff, limit));
    }
    if (settings.messages() != null || settings.sends() != null) {
      drain(tally, b -> HistoryPurge.emptyConversations(limit));
    }
    if (settings.quarantine() != null) {
      long cutoff = now - settings.quarantine().toMillis();
      drain(tally, b -> HistoryPurge.quarantine(cutoff, limit));
    }
  }

  /** Writes batches of one kind until a batch finds fewer rows than the batch size. */
  private void drain(Tally tally, Function<PurgeBatch, Work<PurgeBatch>> nextAfter)
      throws InterruptedException {
    PurgeBatch previous = null;
    while (!stopped) {
      PurgeBatch batch = writer.write(nextAfter.apply(previous));
      tally.add(batch);
      if (batch.selected() < properties.batchSize()) {
        return;
      }
      previous = batch;
      pause(properties.batchPause());
    }
  }

  private static void pause(Duration pause) throws InterruptedException {
    if (!pause.isZero()) {
      Thread.sleep(pause.toMillis());
    }
  }

  /** Rows deleted so far in a run, counted into the metrics as each batch commits. */
  private final class Tally {
    final Map<PurgeKind, Long> rows = new EnumMap<>(PurgeKind.class);
    int batches;

    void add(PurgeBatch batch) {
      batches++;
      batch
          .purged()
          .forEach(
              (kind, n) -> {
                if (n > 0) {
                  rows.merge(kind, (long) n, Long::sum);
                  counters.get(kind).increment(n);
                }
              });
    }

    Map<String, Long> labelled() {
      Map<String, Long> out = new LinkedHashMap<>();
      rows.forEach((kind, n) -> out.put(kind.label(), n));
      return Collections.unmodifiableMap(out);
    }
  }
}
