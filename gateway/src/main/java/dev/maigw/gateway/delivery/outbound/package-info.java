/**
 * The outbound HTTP client that forwards stored replies to integrators' targets, with the SSRF
 * guard built in (reliability goal S5): {@link dev.maigw.gateway.delivery.outbound.TargetUrl}
 * accepts only plain {@code http}/{@code https} URLs whose host is a DNS name or a canonical IP
 * literal; {@link dev.maigw.gateway.delivery.outbound.OutboundAddressPolicy} refuses private,
 * special-purpose and metadata addresses unless the operator allows them; {@link
 * dev.maigw.gateway.delivery.outbound.GuardedHttpClient} resolves each name once, checks every
 * address, connects only to a checked address, never follows redirects and ignores proxy settings.
 *
 * <p>Owns one HTTP exchange and its outcome (status, capped body, latency, or a typed failure
 * reason). It must not retry, schedule, sign, record attempts or read the store: the delivery
 * engine does that. It must never open a connection to an address the policy has not checked, and
 * never put a target's credentials or query string into an exception message.
 */
package dev.maigw.gateway.delivery.outbound;
