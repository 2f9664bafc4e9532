/**
 * Recovery of replies whose webhook never arrived (the gateway was down longer than MaiAgent's
 * retries, or MaiAgent had a wrong webhook URL): lists a conversation's messages through MaiAgent's
 * API and stores the assistant replies the gateway lacks through the webhook intake's own path,
 * marked {@code reconciled}; reads MaiAgent's webhook log to report the deliveries MaiAgent saw
 * fail. Depends on {@code bridge} (the configured MaiAgent client), {@code intake} and {@code
 * message}; nothing depends on it.
 */
package dev.maigw.gateway.reconcile;
