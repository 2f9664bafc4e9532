/**
 * Where the database lives and how it is written: the SQL {@link dev.maigw.gateway.storage.Dialect}
 * (the one home for SQLite/PostgreSQL differences), the data sources and migrations, the {@link
 * dev.maigw.gateway.storage.GroupCommitWriter} through which every acknowledged write goes, and the
 * {@code store} health check that reports whether it can commit. Knows nothing of messages or HTTP.
 */
package dev.maigw.gateway.storage;
