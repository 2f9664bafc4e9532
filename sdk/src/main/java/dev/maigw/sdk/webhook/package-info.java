/**
 * The MaiAgent reply webhook: its model ({@link dev.maigw.sdk.webhook.WebhookMessage} and the
 * records it holds) and {@link dev.maigw.sdk.webhook.MaiAgentWebhookReader}, which turns the raw
 * body bytes into that model.
 *
 * <p>The reader is strict about syntax (one UTF-8 JSON object, no duplicate keys, bounded nesting
 * and token sizes) and tolerant about the variants MaiAgent's own sources disagree on ({@code
 * createdAt} or {@code created_at}, numeric or string ids, two citation shapes, missing arrays,
 * unknown fields). Every rejection is a {@link dev.maigw.sdk.webhook.WebhookFormatException}
 * carrying a stable {@link dev.maigw.sdk.webhook.WebhookFormatProblem} code.
 *
 * <p>Codes W1–W14 in the Javadoc name the inconsistencies listed in the MaiAgent API notes ({@code
 * docs/maiagent-api.md} §2.6).
 *
 * <p>This package must not depend on Spring, hold mutable static state, or re-serialise bodies:
 * callers keep the raw bytes they received and use the parsed model only to read fields.
 */
package dev.maigw.sdk.webhook;
