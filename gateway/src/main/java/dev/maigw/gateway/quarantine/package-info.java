/**
 * The bounded quarantine: authenticated webhook bodies that could not be read, kept byte-exact
 * (deduplicated by body hash) so nothing MaiAgent sent is lost and each can be inspected and
 * re-sent after a fix. Knows nothing of HTTP.
 */
package dev.maigw.gateway.quarantine;
