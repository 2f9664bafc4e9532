/**
 * Online backups of the SQLite store: a transaction-consistent copy written, on request, into the
 * configured backup directory and nowhere else. Reads the store through a reader connection; never
 * writes to it. On PostgreSQL backups are the database's own business ({@code pg_dump}).
 */
package dev.maigw.gateway.backup;
