/**
 * Forwarding stored replies to the integrator's own endpoints ("targets") and in-process handlers.
 *
 * <p>The path of one reply: {@link dev.maigw.gateway.delivery.DeliveryRecorder} records one
 * delivery per matching target inside the reply's own commit, leasing it to this instance when the
 * target's lane has room; once the commit is durable the delivery goes to {@link
 * dev.maigw.gateway.delivery.DeliveryLanes}, which caps attempts per target and in all; {@link
 * dev.maigw.gateway.delivery.DeliveryWorker} makes the attempt (signed, through the SSRF-guarded
 * client in {@code outbound}) and records it with the next step. Whatever was not leased at once
 * (retries, replays, a full lane, leases of a crashed instance) the worker claims from the store,
 * target by target. Nothing here may slow the intake: it starts from what is committed.
 */
package dev.maigw.gateway.delivery;
