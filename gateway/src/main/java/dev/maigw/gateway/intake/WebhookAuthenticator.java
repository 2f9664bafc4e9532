package dev.maigw.gateway.intake;

import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.InvalidSettingException;
import dev.maigw.gateway.system.LogRedaction;
import dev.maigw.gateway.system.Problem;
import dev.maigw.gateway.system.net.AddressRange;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Checks the optional webhook token and source allow-list. Tokens are compared in constant time
 * against every configured token (so timing reveals neither which one matched nor how much), and
 * never logged or echoed.
 */
@Component
class WebhookAuthenticator {

  static final int MIN_TOKEN_LENGTH = 22;

  private final List<byte[]> tokens;
  private final List<AddressRange> allowedSources;

  private final FailedAuthLimiter failures;

  WebhookAuthenticator(WebhookProperties properties, FailedAuthLimiter failures) {
    this.failures = failures;
    this.tokens =
        properties.tokens().stream()
            .map(String::trim)
            .filter(t -> !t.isEmpty())
            .peek(WebhookAuthenticator::requireStrong)
            .peek(LogRedaction::protect)
            .map(t -> t.getBytes(StandardCharsets.UTF_8))
            .toList();
    if (properties.requireToken() && tokens.isEmpty()) {
      throw new InvalidSettingException(
          "MAIGW_WEBHOOK_TOKENS",
          "is empty while MAIGW_REQUIRE_TOKEN=true",
          "set one or two tokens of at least "
              + MIN_TOKEN_LENGTH
              + " random characters (e.g. openssl rand -base64 24), or unset MAIGW_REQUIRE_TOKEN");
    }
    this.allowedSources =
        AddressRange.parseSetting("MAIGW_WEBHOOK_ALLOWED_SOURCES", properties.allowedSources());
  }

  boolean requiresToken() {
    return !tokens.isEmpty();
  }

  /**
   * @param pathToken token from the URL's last segment, or null
   * @param headerToken token from the token header, or null
   * @throws GatewayException 401 without a valid token, 429 from an address that failed too often
   *     in the last minute, 403 from a source not allowed, 404 for a path token when no tokens are
   *     configured
   */
  void authenticate(String pathToken, String headerToken, String remoteAddress) {
    if (!allowedSources.isEmpty() && !isAllowedSource(remoteAddress)) {
      throw new GatewayException(
          Problem.FORBIDDEN_SOURCE, "This source address may not deliver webhooks.");
    }
    if (tokens.isEmpty()) {
      if (pathToken != null) {
        throw new GatewayException(Problem.NOT_FOUND, "No webhook endpoint at this path.");
      }
      return;
    }
    // With an allow-list every source that gets here is trusted, and never limited.
    boolean limited = allowedSources.isEmpty() && failures.enabled();
    if (limited && failures.isLimited(remoteAddress)) {
      throw new GatewayException(
          Problem.RATE_LIMITED,
          "Too many failed authentications from this address; wait a minute.");
    }
    String presented = pathToken != null ? pathToken : headerToken;
    if (presented == null || !matchesAnyToken(presented)) {
      if (limited) {
        failures.recordFailure(remoteAddress);
      }
      throw new GatewayException(Problem.UNAUTHORIZED, "A valid webhook token is required.");
    }
  }

  private boolean matchesAnyToken(String presented) {
    byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
    boolean matched = false;
    for (byte[] token : tokens) {
      matched |= MessageDigest.isEqual(token, candidate);
    }
    return matched;
  }

  private boolean isAllowedSource(String remoteAddress) {
    InetAddress address;
    try {
      // A servlet remote address is always a literal, so this never queries DNS.
      address = InetAddress.getByName(remoteAddress);
    } catch (UnknownHostException e) {
      return false;
    }
    return allowedSources.stream().anyMatch(range -> range.contains(address));
  }

  private static void requireStrong(String token) {
    if (token.length() < MIN_TOKEN_LENGTH) {
      // Never name the token itself: it is a secret.
      throw new InvalidSettingException(
          "MAIGW_WEBHOOK_TOKENS",
          "an entry has "
              + token.length()
              + " characters, fewer than the "
              + MIN_TOKEN_LENGTH
              + " needed for 128 random bits",
          "use tokens of at least "
              + MIN_TOKEN_LENGTH
              + " random characters, e.g. from openssl rand -base64 24");
    }
  }
}
