package dev.maigw.gateway.console;

import java.time.Instant;

/**
 * A signed-in console session.
 *
 * @param id the cookie value: 256 random bits
 * @param csrfToken sent back in every form as {@code _csrf}; 256 random bits
 * @param lastUsedAt refreshed on each request, for the idle timeout
 */
record ConsoleSession(String id, String csrfToken, Instant createdAt, Instant lastUsedAt) {

  ConsoleSession touchedAt(Instant now) {
    return new ConsoleSession(id, csrfToken, createdAt, now);
  }
}
