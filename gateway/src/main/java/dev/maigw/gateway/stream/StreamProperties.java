package dev.maigw.gateway.stream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live stream settings.
 *
 * @param maxStreams {@code maigw.stream.max-streams}, default 200: open streams at once; more are
 *     answered 503
 * @param heartbeat {@code maigw.stream.heartbeat}, default 15s: a comment line sent when idle, so
 *     proxies keep the connection and a vanished client is noticed
 * @param pageSize {@code maigw.stream.page-size}, default 200: messages read per query
 */
@ConfigurationProperties("maigw.stream")
public record StreamProperties(
    @DefaultValue("200") int maxStreams,
    @DefaultValue("15s") Duration heartbeat,
    @DefaultValue("200") int pageSize) {}
