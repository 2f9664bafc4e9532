package dev.maigw.gateway.console;

import dev.maigw.gateway.system.ApiRequestAuthenticator;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * Lets a signed-in console open the live stream: a browser's {@code EventSource} cannot send the
 * bearer header, so {@code GET /api/stream} (and only that, only GET) also accepts a live console
 * session cookie. The cookie is {@code SameSite=Strict}, so another site cannot make a browser send
 * it.
 */
@Component
class ConsoleStreamAuthenticator implements ApiRequestAuthenticator {

  private final ConsoleSessions sessions;

  ConsoleStreamAuthenticator(ConsoleSessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public boolean authenticates(HttpServletRequest request) {
    return "GET".equals(request.getMethod())
        && "/api/stream".equals(request.getRequestURI())
        && sessions.find(ConsoleFilter.cookie(request)).isPresent();
  }
}
