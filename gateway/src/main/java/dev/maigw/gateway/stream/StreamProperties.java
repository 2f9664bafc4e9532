package dev.maigw.gateway.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live stream settings.
 *
 * @param maxStreams {@code maigw.stream.max-streams}, default 1000: open streams at once; more are
 *     answered 503. A stream holds no thread, only its connection and queue
 * @param heartbeat {@code maigw.stream.heartbeat}, default 15s: a comment line sent when idle, so
 *     proxies keep the connection and a vanished client is noticed
 * @param pageSize {@code maigw.stream.page-size}, default 200: messages read per query while a
 *     stream catches up from an old cursor
 * @param maxQueuedEvents {@code maigw.stream.max-queued-events}, default 1000: events a stream may
 *     hold unsent; a client further behind is cut off (it resumes with {@code Last-Event-ID})
 * @param maxQueuedBytes {@code maigw.stream.max-queued-bytes}, default 8388608 (8 MiB): the same
 *     bound in bytes (one event always fits, however large). Events are shared between streams, so
 *     many slow streams hold little more than one
 * @param writerThreads {@code maigw.stream.writer-threads}, default 2: threads that write queued
 *     events to every stream (writes never block, so a few serve thousands)
 */
@ConfigurationProperties("maigw.stream")
public record StreamProperties(
    @DefaultValue("1000") int maxStreams,
    @DefaultValue("15s") Duration heartbeat,
    @DefaultValue("200") int pageSize,
    @DefaultValue("1000") int maxQueuedEvents,
    @DefaultValue("8388608") long maxQueuedBytes,
    @DefaultValue("2") int writerThreads) {}
