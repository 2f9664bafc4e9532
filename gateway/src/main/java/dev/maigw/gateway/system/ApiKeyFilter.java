package dev.maigw.gateway.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requires {@code Authorization: Bearer <API key>} on every {@code /api/**} request, unless one of
 * the {@link ApiRequestAuthenticator}s accepts it (the console's session cookie on the stream). The
 * OpenAPI document, {@code GET /api/openapi.json}, and Swagger UI's config beside it are public.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

  private static final String BEARER = "Bearer ";
  static final String OPENAPI_PATH = "/api/openapi.json";

  /** What Swagger UI at {@code /api-docs.html} reads first: which document to show. */
  static final String SWAGGER_CONFIG_PATH = OPENAPI_PATH + "/swagger-config";

  private final ApiKey apiKey;
  private final byte[] unauthorizedBody;
  private final List<ApiRequestAuthenticator> alternatives;

  ApiKeyFilter(ApiKey apiKey, JsonMapper json, List<ApiRequestAuthenticator> alternatives) {
    this.apiKey = apiKey;
    this.alternatives = List.copyOf(alternatives);
    this.unauthorizedBody =
        ProblemJson.bytes(
            json,
            ApiExceptionHandler.problemResponse(
                    Problem.UNAUTHORIZED, "Send the API key as 'Authorization: Bearer <key>'.")
                .getBody());
  }

  /** The API's description is public: it names routes and shapes, never data or secrets. */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return (OPENAPI_PATH.equals(path) || SWAGGER_CONFIG_PATH.equals(path))
        && "GET".equals(request.getMethod());
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
    for (ApiRequestAuthenticator alternative : alternatives) {
      if (alternative.authenticates(request)) {
        chain.doFilter(request, response);
        return;
      }
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
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(
        ApiKey apiKey, JsonMapper json, List<ApiRequestAuthenticator> alternatives) {
      FilterRegistrationBean<ApiKeyFilter> registration =
          new FilterRegistrationBean<>(new ApiKeyFilter(apiKey, json, alternatives));
      registration.addUrlPatterns("/api/*");
      return registration;
    }
  }
}
