package dev.maigw.gateway.delivery;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Forwarding settings.
 *
 * @param retrySchedule {@code maigw.delivery.retry-schedule}: wait before each attempt; default the
 *     Standard Webhooks example schedule (0, 5s, 5m, 30m, 2h, 5h, 10h, 14h, 20h, 24h, about three
 *     days); after the last attempt fails the delivery is dead
 * @param jitter {@code maigw.delivery.jitter}, default 0.1: each wait is randomised by ±10 %
 * @param lease {@code maigw.delivery.lease}, default 60s: how long an instance holds a delivery on
 *     top of the target's timeout; a crashed instance's deliveries are retried once it runs out
 * @param poll {@code maigw.delivery.poll}, default 200ms: how often workers look for due deliveries
 *     when nothing woke them
 * @param workers {@code maigw.delivery.workers}, default 8: deliveries in flight at once
 * @param perTarget {@code maigw.delivery.per-target}, default 2: in flight to one target at once,
 *     so a slow target never takes every worker
 * @param forwardAllow {@code MAIGW_FORWARD_ALLOW}: CIDRs or exact {@code host:port} that may be
 *     called although private or loopback (empty: public addresses only)
 */
@ConfigurationProperties("maigw.delivery")
public record DeliveryProperties(
    @DefaultValue({"0s", "5s", "5m", "30m", "2h", "5h", "10h", "14h", "20h", "24h"})
        List<Duration> retrySchedule,
    @DefaultValue("0.1") double jitter,
    @DefaultValue("60s") Duration lease,
    @DefaultValue("200ms") Duration poll,
    @DefaultValue("32") int workers,
    @DefaultValue("8") int perTarget,
    String forwardAllow) {}
