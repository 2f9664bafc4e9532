/**
 * The MaiAgent API client: {@link dev.maigw.sdk.client.MaiAgentClient} and the values it returns
 * (conversations, message receipts and pages, completions, attachments, inboxes), with every
 * failure a {@link dev.maigw.sdk.client.MaiAgentApiException}.
 *
 * <p>The client reads MaiAgent's answers tolerantly where its sources disagree ({@code
 * conversationId} or {@code conversation_id}, millisecond strings, numbers or ISO timestamps, SSE
 * streams ending with {@code done}, {@code [DONE]} or nothing) and writes requests in the
 * documented spelling.
 *
 * <p>This package must not depend on Spring or the webhook reader, hold mutable static state, log
 * or otherwise reveal the API key, or repeat a call that could create something twice (see {@link
 * dev.maigw.sdk.client.MaiAgentClient}).
 */
package dev.maigw.sdk.client;
