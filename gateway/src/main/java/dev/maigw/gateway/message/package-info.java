/**
 * Stored MaiAgent replies and conversations: the {@link dev.maigw.gateway.message.MessageStore}
 * that inserts them exactly once (through the group-commit writer) and reads them back in commit
 * order. Knows nothing of HTTP.
 */
package dev.maigw.gateway.message;
