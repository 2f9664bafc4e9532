package dev.maigw.gateway.storage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the SQLite write-ahead log (the {@code maigw.db-wal} file) is kept small. Ignored on
 * PostgreSQL.
 *
 * @param journalSizeLimitBytes {@code maigw.sqlite.journal-size-limit-bytes}, default 67108864 (64
 *     MiB): SQLite's {@code journal_size_limit}. After a checkpoint resets the log, a file grown
 *     past this by a burst is cut back to it instead of keeping its largest size for ever.
 * @param checkpointAfterIdle {@code maigw.sqlite.checkpoint-after-idle} ({@code
 *     MAIGW_SQLITE_CHECKPOINT_AFTER_IDLE}), default 5s: once the writer has committed nothing for
 *     this long it copies the log into the database and truncates it to zero bytes ({@code
 *     wal_checkpoint(TRUNCATE)}), without waiting for readers (it tries again after another idle
 *     period when one is in the way). {@code 0s} turns it off (SQLite's own automatic checkpoints
 *     still run).
 * @param startupCheckBudget {@code maigw.sqlite.startup-check-budget} ({@code
 *     MAIGW_STARTUP_CHECK_BUDGET}), default 10s: how long the start may spend on SQLite's {@code
 *     quick_check} of the file (about 80 ms per 100 MB here). A check that finds damage stops the
 *     start; one that runs out of time is logged and the start goes on, since a multi-gigabyte
 *     store would otherwise keep MaiAgent's webhooks waiting for minutes. {@code 0s} skips it.
 */
@ConfigurationProperties("maigw.sqlite")
public record SqliteProperties(
    @DefaultValue("67108864") long journalSizeLimitBytes,
    @DefaultValue("5s") Duration checkpointAfterIdle,
    @DefaultValue("10s") Duration startupCheckBudget) {

  /** The defaults, for code that builds a writer outside Spring. */
  public static SqliteProperties defaults() {
    return new SqliteProperties(67_108_864L, Duration.ofSeconds(5), Duration.ofSeconds(10));
  }
}
