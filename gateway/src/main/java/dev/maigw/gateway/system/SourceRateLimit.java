package dev.maigw.gateway.system;

import dev.maigw.gateway.system.net.AddressRange;
import dev.maigw.gateway.system.net.HostSyntax;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request budget per source address, for every route (webhook, API, console, metrics) but the
 * health probes: a token bucket of {@code burst} requests refilled at {@code per-second}; a source
 * past it gets 429 {@code rate_limited} with {@code Retry-After} until its bucket refills. Failed
 * webhook authentications have their own, tighter budget ({@code MAIGW_RATE_LIMIT_FAILED_AUTH}).
 *
 * <p>Never limited: {@code MAIGW_RATE_LIMIT_EXEMPT} (default loopback, where a reverse proxy and
 * local tools connect from) and the webhook's {@code MAIGW_WEBHOOK_ALLOWED_SOURCES} (MaiAgent's own
 * addresses, once you have listed them). MaiAgent retries a 429 like any answer but 200, so a
 * limited reply is delayed, never lost.
 */
public class SourceRateLimit extends OncePerRequestFilter {

  /** Beyond this many tracked sources, buckets that have refilled are dropped first. */
  private static final int MAX_TRACKED = 10_000;

  private final Clock clock;
  private final double perSecond;
  private final double burst;
  private final List<AddressRange> exempt;
  private final byte[] limitedBody;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  SourceRateLimit(
      Clock clock, double perSecond, double burst, List<AddressRange> exempt, JsonMapper json) {
    this.clock = clock;
    this.perSecond = perSecond;
    this.burst = Math.max(1, burst);
    this.exempt = List.copyOf(exempt);
    this.limitedBody =
        ProblemJson.bytes(
            json,
            ApiExceptionHandler.problemResponse(
                    Problem.RATE_LIMITED,
                    "Too many requests from this address; retry after the time in Retry-After.")
                .getBody());
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return perSecond <= 0 || request.getRequestURI().startsWith("/actuator/health");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String source = request.getRemoteAddr();
    long waitMillis = isExempt(source) ? 0 : take(source);
    if (waitMillis == 0) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(Problem.RATE_LIMITED.status().value());
    response.setHeader(
        HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (waitMillis + 999) / 1000)));
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(limitedBody);
  }

  /** Takes one request from {@code source}'s bucket: 0 if it had one, else ms until it will. */
  long take(String source) {
    long now = clock.millis();
    if (buckets.size() >= MAX_TRACKED) {
      buckets.values().removeIf(b -> b.level(now, perSecond, burst) >= burst);
    }
    Bucket bucket =
        buckets.compute(
            source,
            (key, old) -> {
              double level = old == null ? burst : old.level(now, perSecond, burst);
              return level >= 1 ? new Bucket(level - 1, now, true) : new Bucket(level, now, false);
            });
    return bucket.granted() ? 0 : (long) Math.ceil((1 - bucket.tokens()) / perSecond * 1000);
  }

  private boolean isExempt(String source) {
    if (exempt.isEmpty()) {
      return false;
    }
    InetAddress address = HostSyntax.literalAddress(source);
    return address != null && exempt.stream().anyMatch(range -> range.contains(address));
  }

  /** Tokens left at {@code atMillis}, and whether the request that took them got one. */
  private record Bucket(double tokens, long atMillis, boolean granted) {
    double level(long nowMillis, double perSecond, double burst) {
      double elapsed = Math.max(0, nowMillis - atMillis) / 1000.0;
      return Math.min(burst, tokens + elapsed * perSecond);
    }
  }

  /** Registers the limit ahead of every other filter, so a flood costs as little as possible. */
  @Configuration(proxyBeanMethods = false)
  static class Registration {
    @Bean
    FilterRegistrationBean<SourceRateLimit> sourceRateLimit(
        Clock clock,
        JsonMapper json,
        @Value("${maigw.rate-limit.requests-per-second:100}") double perSecond,
        @Value("${maigw.rate-limit.burst:200}") double burst,
        @Value("${maigw.rate-limit.exempt:127.0.0.0/8,::1/128}") List<String> exempt,
        @Value("${maigw.webhook.allowed-sources:}") List<String> webhookSources) {
      List<AddressRange> ranges = new ArrayList<>();
      ranges.addAll(AddressRange.parseSetting("MAIGW_RATE_LIMIT_EXEMPT", exempt));
      ranges.addAll(AddressRange.parseSetting("MAIGW_WEBHOOK_ALLOWED_SOURCES", webhookSources));
      FilterRegistrationBean<SourceRateLimit> registration =
          new FilterRegistrationBean<>(new SourceRateLimit(clock, perSecond, burst, ranges, json));
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
      return registration;
    }
  }
}
