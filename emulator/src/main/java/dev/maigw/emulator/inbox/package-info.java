/**
 * Seeded inboxes and {@code GET inboxes/} with page-number pagination and absolute {@code next} and
 * {@code previous} URLs. Each inbox's {@code channel.id} is a Web Chat ID accepted by {@code POST
 * conversations/}.
 *
 * <p>Read-only: inboxes never change at run time.
 */
package dev.maigw.emulator.inbox;
