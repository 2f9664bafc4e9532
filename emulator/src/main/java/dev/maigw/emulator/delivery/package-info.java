/**
 * Webhook delivery, MaiAgent-style: one worker POSTs each reply to the configured loopback URL,
 * treats anything but exactly HTTP 200 (connection errors and timeouts included) as a failure,
 * retries on the configured schedule and then gives up. Every attempt is recorded and stays
 * queryable, given-up deliveries included.
 *
 * <p>Applies the delivery faults (copies, extra delay, out-of-order batches); it does not know what
 * a message is, only bodies addressed to a conversation.
 */
package dev.maigw.emulator.delivery;
