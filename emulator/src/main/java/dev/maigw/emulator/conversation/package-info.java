/**
 * Conversations: {@code POST conversations/} (from a Web Chat ID) and {@code GET
 * conversations/{id}/}, kept in memory with their last message.
 *
 * <p>Does not create messages or replies; the message feature records the last message here.
 */
package dev.maigw.emulator.conversation;
