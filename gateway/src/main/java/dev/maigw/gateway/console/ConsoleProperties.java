package dev.maigw.gateway.console;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Console settings.
 *
 * @param sessionIdleTimeout {@code maigw.console.session-idle-timeout}, default 30m: a session
 *     unused this long is signed out
 * @param sessionMaxAge {@code maigw.console.session-max-age}, default 12h: every session ends after
 *     this long, used or not
 * @param maxFailedSignIns {@code maigw.console.max-failed-sign-ins}, default 5: wrong keys one
 *     address may try per {@code failedSignInWindow} before it is refused for the rest of it
 * @param failedSignInWindow {@code maigw.console.failed-sign-in-window}, default 1m
 */
@ConfigurationProperties("maigw.console")
public record ConsoleProperties(
    @DefaultValue("30m") Duration sessionIdleTimeout,
    @DefaultValue("12h") Duration sessionMaxAge,
    @DefaultValue("5") int maxFailedSignIns,
    @DefaultValue("1m") Duration failedSignInWindow) {}
