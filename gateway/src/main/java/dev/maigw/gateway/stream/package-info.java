/**
 * The live stream of stored messages ({@code GET /api/stream}, Server-Sent Events), in commit order
 * and resumable with {@code Last-Event-ID}. New messages come from the instance's one {@link
 * dev.maigw.gateway.message.MessageTail}, encoded once and queued to every stream; a stream that
 * resumes from an old cursor pages the store itself first. Holds no thread per stream and never
 * blocks on a client: writes are non-blocking, and a client that falls too far behind is cut off
 * (it resumes where it was). Must never slow the intake.
 */
package dev.maigw.gateway.stream;
