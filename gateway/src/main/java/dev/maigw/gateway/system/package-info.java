/**
 * Cross-cutting pieces every feature may use: the error model ({@link
 * dev.maigw.gateway.system.Problem}, {@link dev.maigw.gateway.system.GatewayException}) and the one
 * place that turns exceptions into RFC 9457 responses, the API key that guards {@code /api/**}, and
 * the gateway-wide settings. Depends on no feature package.
 */
package dev.maigw.gateway.system;
