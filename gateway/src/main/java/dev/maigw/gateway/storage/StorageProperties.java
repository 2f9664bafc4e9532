package dev.maigw.gateway.storage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Database settings.
 *
 * @param dbUrl {@code maigw.storage.db-url} ({@code MAIGW_DB_URL}), default empty = embedded SQLite
 *     at {@code $MAIGW_DATA_DIR/maigw.db}; a {@code jdbc:postgresql:} URL switches to PostgreSQL.
 * @param dbUser {@code MAIGW_DB_USER}, PostgreSQL user.
 * @param dbPassword {@code MAIGW_DB_PASSWORD}, PostgreSQL password.
 * @param busyTimeout {@code maigw.storage.busy-timeout}, default 5s: how long SQLite waits for a
 *     lock held by another process before the write fails with 503.
 * @param maxBatchSize {@code maigw.storage.max-batch-size}, default 256: most writes committed
 *     together in one transaction (one fsync).
 * @param maxQueuedWrites {@code maigw.storage.max-queued-writes}, default 10000: writes waiting for
 *     the writer; beyond it requests get 503 at once.
 * @param maxQueuedBytes {@code maigw.storage.max-queued-bytes}, default 33554432 (32 MiB): bytes of
 *     webhook bodies waiting for (or being committed by) the writer; beyond it requests get 503 at
 *     once, so a stalled store cannot exhaust the heap (128 MiB in {@code bin/jvm-options}). The
 *     heap a queued body holds is about twice its size (the bytes and their parsed text). Keep it
 *     well above {@code maigw.webhook.max-body-bytes}.
 * @param writeTimeout {@code maigw.storage.write-timeout}, default 10s: how long a request waits
 *     for its commit before answering 503 (the sender then retries).
 * @param poolSize {@code maigw.storage.pool-size}, default 8: PostgreSQL connections (SQLite uses
 *     one writer plus four readers).
 * @param stallThreshold {@code maigw.storage.stall-threshold} ({@code MAIGW_STALL_THRESHOLD}),
 *     default 500ms: once the writer has waited this long to open a transaction (another process
 *     holds the SQLite write lock, PostgreSQL does not answer), new writes, and those queued behind
 *     the wait, are answered 503 at once instead of after {@code write-timeout}. A healthy store
 *     opens a transaction in well under a millisecond. The writes of the waiting batch keep their
 *     chance to commit; readiness is DOWN while the writer waits.
 */
@ConfigurationProperties("maigw.storage")
public record StorageProperties(
    String dbUrl,
    String dbUser,
    String dbPassword,
    @DefaultValue("5s") Duration busyTimeout,
    @DefaultValue("256") int maxBatchSize,
    @DefaultValue("10000") int maxQueuedWrites,
    @DefaultValue("33554432") long maxQueuedBytes,
    @DefaultValue("10s") Duration writeTimeout,
    @DefaultValue("8") int poolSize,
    @DefaultValue("500ms") Duration stallThreshold) {

  @ConstructorBinding
  public StorageProperties {}

  /** True when {@link #dbUrl} names a server database instead of the embedded SQLite file. */
  public boolean usesServerDatabase() {
    return dbUrl != null && !dbUrl.isBlank();
  }
}
