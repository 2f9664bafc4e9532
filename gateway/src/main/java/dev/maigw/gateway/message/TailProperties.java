package dev.maigw.gateway.message;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the one {@link MessageTail} of this instance follows the store.
 *
 * @param poll {@code maigw.tail.poll}, default 500ms: how often it looks for messages stored by
 *     other instances (a local commit wakes it at once)
 * @param pageSize {@code maigw.tail.page-size}, default 500: messages read per query
 */
@ConfigurationProperties("maigw.tail")
public record TailProperties(
    @DefaultValue("500ms") Duration poll, @DefaultValue("500") int pageSize) {}
