package dev.maigw.gateway.quarantine;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Quarantine bounds. Past either one new bodies are refused with 503 (the sender keeps them and
 * retries) and an alert is logged: a token holder must not be able to fill the disk.
 *
 * @param maxRows {@code maigw.quarantine.max-rows}, default 10000
 * @param maxBytes {@code maigw.quarantine.max-bytes}, default 67108864 (64 MiB) of body bytes
 */
@ConfigurationProperties("maigw.quarantine")
public record QuarantineProperties(
    @DefaultValue("10000") int maxRows, @DefaultValue("67108864") long maxBytes) {}
