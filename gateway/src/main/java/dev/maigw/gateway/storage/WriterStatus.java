package dev.maigw.gateway.storage;

import java.time.Instant;

/**
 * A read-only snapshot of the {@link GroupCommitWriter}, for health and operators. Taking one never
 * touches the database or the writer's connection.
 *
 * @param accepting whether new writes are taken (false once shutdown has begun)
 * @param running whether the writer thread is alive
 * @param canCommit false while the store cannot commit: the last attempt failed because the store
 *     was unavailable (locked, down, full), or the commit in progress has taken longer than the
 *     write timeout. An idle writer whose last attempt succeeded (or that has not written yet) can.
 * @param lastCommitAt when a transaction last committed, or null
 * @param lastFailureAt when a commit attempt last failed because the store was unavailable, or null
 * @param lastFailure that failure in a sentence (no SQL, no data), or null
 * @param queuedWrites writes waiting for the writer
 * @param queuedBytes declared bytes of the writes queued or being committed
 */
public record WriterStatus(
    boolean accepting,
    boolean running,
    boolean canCommit,
    Instant lastCommitAt,
    Instant lastFailureAt,
    String lastFailure,
    int queuedWrites,
    long queuedBytes) {}
