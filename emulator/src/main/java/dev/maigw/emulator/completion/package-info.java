/**
 * Synchronous chatbot completions, {@code POST chatbots/{chatbotId}/completions/}: a JSON answer
 * {@code {conversationId, content, done: true}}, or with {@code isStreaming}/{@code is_streaming} a
 * {@code text/event-stream} of content deltas ending with an empty {@code done: true} event.
 *
 * <p>Records the exchange as messages but sends no webhook (undocumented for completions).
 */
package dev.maigw.emulator.completion;
