/**
 * The read API under {@code /api}: stored replies, conversations and the quarantine, with cursor
 * pagination in commit order. Read-only; guarded by the API key filter.
 */
package dev.maigw.gateway.query;
