/**
 * Retention: a background purge that deletes, in small batches through the group-commit writer,
 * messages, finished deliveries, finished bridge sends and quarantined bodies older than their
 * configured retention, keeping a tombstone of every purged message id so dedupe outlives the body.
 * Off by default (everything is kept). Knows nothing of HTTP but its one status route.
 */
package dev.maigw.gateway.retention;
