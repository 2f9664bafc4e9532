package dev.maigw.gateway.backup;

import java.time.Instant;

/**
 * A finished backup: where it is, how large, and what {@code PRAGMA integrity_check} said of it.
 *
 * @param file absolute path of the copy, inside the backup directory
 * @param integrity {@code ok} (a copy that fails the check is deleted and reported as an error)
 */
record Backup(String file, long bytes, Instant startedAt, long durationMs, String integrity) {}
