package dev.maigw.gateway.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/** Requires {@code Authorization: Bearer <API key>} on every {@code /api/**} request. */
public class ApiKeyFilter extends OncePerRequestFilter {

  private static final String BEARER = "Bearer ";

  private final ApiKey apiKey;
  private final byte[] unauthorizedBody;

  ApiKeyFilter(ApiKey apiKey, JsonMapper json) {
    this.apiKey = apiKey;
    this.unauthorizedBody =
        ProblemJson.bytes(
            json,
            ApiExceptionHandler.problemResponse(
                    Problem.UNAUTHORIZED, "Send the API key as 'Authorization: Bearer <key>'.")
                .getBody());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header != null
        && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
        && apiKey.matches(header.substring(BEARER.length()).trim())) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(unauthorizedBody);
  }

  /** Registers the filter for {@code /api/*}. */
  @Configuration(proxyBeanMethods = false)
  static class Registration {
    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiKey apiKey, JsonMapper json) {
      FilterRegistrationBean<ApiKeyFilter> registration =
          new FilterRegistrationBean<>(new ApiKeyFilter(apiKey, json));
      registration.addUrlPatterns("/api/*");
      return registration;
    }
  }
}
