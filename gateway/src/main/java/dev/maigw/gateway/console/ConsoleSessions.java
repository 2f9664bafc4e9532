package dev.maigw.gateway.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The console's sessions, in memory: a restart signs everyone out, and with several gateway
 * instances a session is known only to the one that created it (use sticky routing for the
 * console). Ends sessions after {@link ConsoleProperties#sessionIdleTimeout} unused and {@link
 * ConsoleProperties#sessionMaxAge} in all.
 */
@Component
class ConsoleSessions {

  static final String COOKIE = "maigw_console";

  private final SecureRandom random = new SecureRandom();
  private final Map<String, ConsoleSession> sessions = new ConcurrentHashMap<>();
  private final ConsoleProperties properties;
  private final Clock clock;

  ConsoleSessions(ConsoleProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  ConsoleSession create() {
    Instant now = clock.instant();
    dropExpired(now);
    ConsoleSession session = new ConsoleSession(randomToken(), randomToken(), now, now);
    sessions.put(session.id(), session);
    return session;
  }

  /** The live session with this cookie value, its idle time restarted; empty when none. */
  Optional<ConsoleSession> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    ConsoleSession session = sessions.get(id);
    if (session == null) {
      return Optional.empty();
    }
    if (expired(session, now)) {
      sessions.remove(id, session);
      return Optional.empty();
    }
    ConsoleSession touched = session.touchedAt(now);
    sessions.replace(id, session, touched);
    return Optional.of(touched);
  }

  void invalidate(String id) {
    if (id != null) {
      sessions.remove(id);
    }
  }

  /** Constant-time comparison of a submitted CSRF token with the session's. */
  static boolean csrfMatches(ConsoleSession session, String submitted) {
    return submitted != null
        && MessageDigest.isEqual(
            session.csrfToken().getBytes(StandardCharsets.US_ASCII),
            submitted.getBytes(StandardCharsets.UTF_8));
  }

  private boolean expired(ConsoleSession session, Instant now) {
    return !now.isBefore(session.lastUsedAt().plus(properties.sessionIdleTimeout()))
        || !now.isBefore(session.createdAt().plus(properties.sessionMaxAge()));
  }

  private void dropExpired(Instant now) {
    sessions.values().removeIf(s -> expired(s, now));
  }

  private String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
