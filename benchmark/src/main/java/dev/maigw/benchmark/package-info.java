/**
 * The intake benchmark: a command that loads the gateway's webhook intake on loopback and then
 * checks the store.
 *
 * <p>It owns a lean load generator (blocking sockets, one platform thread per keep-alive
 * connection, pre-encoded requests), closed-loop and fixed-rate scenarios against the durable
 * endpoint and a no-op endpoint in the same gateway JVM, latency histograms, resident-memory
 * sampling of the gateway process, a read-only check that every acknowledged message id is stored
 * exactly once, and a plain-text and Markdown report.
 *
 * <p>It must not send load anywhere but loopback ({@link dev.maigw.benchmark.LoopbackTarget}), must
 * not write to the gateway's database, and must not depend on gateway code: it sees the gateway
 * only through HTTP, {@code /proc} and the stored table named in {@code GatewaySchema}.
 */
package dev.maigw.benchmark;
