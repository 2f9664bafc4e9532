/**
 * The live stream of stored messages ({@code GET /api/stream}, Server-Sent Events), in commit order
 * and resumable with {@code Last-Event-ID}. Reads the store by cursor in short queries and never
 * holds a transaction open; must never slow the intake (a slow client only stalls its own stream
 * thread, and is cut off by the idle timeout).
 */
package dev.maigw.gateway.stream;
