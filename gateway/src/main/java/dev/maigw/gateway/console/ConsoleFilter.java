package dev.maigw.gateway.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards every console response: sets the security headers (a strict Content-Security-Policy
 * without inline script, no sniffing, no framing, no caching, no referrer), sends visitors without
 * a session to the sign-in page, and refuses a state change (any POST) that does not carry the
 * session's CSRF token or that comes from another origin.
 */
class ConsoleFilter extends OncePerRequestFilter {

  static final String SESSION_ATTRIBUTE = ConsoleSession.class.getName();
  static final String CSRF_PARAMETER = "_csrf";
  static final String SIGN_IN = "/console/sign-in";
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self';"
          + " frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  private final ConsoleSessions sessions;

  ConsoleFilter(ConsoleSessions sessions) {
    this.sessions = sessions;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    secure(response);
    String path = request.getRequestURI();
    boolean post = "POST".equals(request.getMethod());
    if (post && !sameOrigin(request)) {
      refuse(response, "Cross-origin request refused.");
      return;
    }
    if (path.startsWith("/console/assets/")
        || path.equals(SIGN_IN)
        || path.isEmpty()
        || path.equals("/")) {
      chain.doFilter(request, response);
      return;
    }
    Optional<ConsoleSession> session = sessions.find(cookie(request));
    if (session.isEmpty()) {
      if (post) {
        refuse(response, "Sign in first.");
      } else {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader(HttpHeaders.LOCATION, SIGN_IN);
      }
      return;
    }
    if (post && !ConsoleSessions.csrfMatches(session.get(), request.getParameter(CSRF_PARAMETER))) {
      refuse(response, "Missing or wrong CSRF token; reload the page and try again.");
      return;
    }
    request.setAttribute(SESSION_ATTRIBUTE, session.get());
    chain.doFilter(request, response);
  }

  private static void refuse(HttpServletResponse response, String message) throws IOException {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("text/plain;charset=UTF-8");
    response.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
  }

  static void secure(HttpServletResponse response) {
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
  }

  /** The console's session cookie value, or null. */
  static String cookie(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    for (Cookie cookie : cookies) {
      if (ConsoleSessions.COOKIE.equals(cookie.getName())) {
        return cookie.getValue();
      }
    }
    return null;
  }

  /**
   * A browser states where a request comes from in {@code Sec-Fetch-Site} and {@code Origin}; a
   * state change is allowed only when neither names another site. {@code Sec-Fetch-Site} decides
   * when present (pages cannot set it); {@code Origin} otherwise, where {@code null} (what a
   * browser sends under {@code Referrer-Policy: no-referrer}) is not enough. The CSRF token is
   * checked as well; this also covers the sign-in form, which has no session yet.
   */
  static boolean sameOrigin(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null) {
      return site.equals("same-origin");
    }
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    if (origin == null) {
      return true;
    }
    try {
      URI uri = URI.create(origin);
      String host = request.getHeader(HttpHeaders.HOST);
      String authority = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      return uri.getHost() != null && authority.equalsIgnoreCase(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Runs the filter for the console and for the root, which sends visitors to it. */
  @Configuration(proxyBeanMethods = false)
  static class Registration {
    @Bean
    FilterRegistrationBean<ConsoleFilter> consoleFilter(ConsoleSessions sessions) {
      FilterRegistrationBean<ConsoleFilter> registration =
          new FilterRegistrationBean<>(new ConsoleFilter(sessions));
      registration.addUrlPatterns("", "/console", "/console/*");
      return registration;
    }
  }
}
