/**
 * Messages and replies: {@code POST messages/} (201 receipt, then an AI reply delivered by webhook
 * after the reply delay), {@code GET messages/?conversation=} (cursor pages) and {@code GET
 * messages/{id}/}; composing replies that quote the user's text; rendering messages as the API's
 * canonical JSON or as a webhook body in the variant the current faults ask for.
 *
 * <p>Hands finished webhook bodies to the delivery feature; never sends HTTP itself.
 */
package dev.maigw.emulator.message;
