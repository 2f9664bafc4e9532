/**
 * IP address and host-name syntax shared by the webhook source allow-list and the outbound target
 * policy: canonical literals only, parsed without touching DNS.
 */
package dev.maigw.gateway.system.net;
