package dev.maigw.gateway.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requires {@code Authorization: Bearer <API key>}, or the separate {@code MAIGW_METRICS_TOKEN}, on
 * {@code /actuator/prometheus}: metrics name targets and reveal traffic. Health probes stay open.
 * Anything else is 401 {@code unauthorized}.
 */
class MetricsAuthFilter extends OncePerRequestFilter {

  private static final String BEARER = "Bearer ";

  private final ApiKey apiKey;
  private final byte[] token;
  private final byte[] unauthorizedBody;

  MetricsAuthFilter(ApiKey apiKey, MetricsProperties properties, JsonMapper json) {
    this.apiKey = apiKey;
    String configured = properties.token();
    LogRedaction.protect(configured);
    this.token =
        configured == null || configured.isBlank()
            ? null
            : configured.trim().getBytes(StandardCharsets.UTF_8);
    this.unauthorizedBody =
        ProblemJson.bytes(
            json,
            ApiExceptionHandler.problemResponse(
                    Problem.UNAUTHORIZED,
                    "Send the API key or MAIGW_METRICS_TOKEN as 'Authorization: Bearer <token>'.")
                .getBody());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      String presented = header.substring(BEARER.length()).trim();
      if (apiKey.matches(presented) || matchesToken(presented)) {
        chain.doFilter(request, response);
        return;
      }
    }
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(unauthorizedBody);
  }

  private boolean matchesToken(String presented) {
    return token != null
        && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
  }

  /** Registers the filter for the metrics endpoint. */
  @Configuration(proxyBeanMethods = false)
  static class Registration {
    @Bean
    FilterRegistrationBean<MetricsAuthFilter> metricsAuthFilter(
        ApiKey apiKey, MetricsProperties properties, JsonMapper json) {
      FilterRegistrationBean<MetricsAuthFilter> registration =
          new FilterRegistrationBean<>(new MetricsAuthFilter(apiKey, properties, json));
      registration.addUrlPatterns("/actuator/prometheus", "/actuator/prometheus/*");
      return registration;
    }
  }
}
