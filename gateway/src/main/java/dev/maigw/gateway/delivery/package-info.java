/**
 * Forwarding stored replies to the integrator's own endpoints ("targets"): their settings and
 * signing secrets, and (in {@code outbound}) the SSRF-guarded HTTP client that will carry the
 * deliveries. Nothing here may slow the intake or touch it: forwarding starts from what is
 * committed.
 */
package dev.maigw.gateway.delivery;
