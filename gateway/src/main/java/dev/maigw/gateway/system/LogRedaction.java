package dev.maigw.gateway.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import org.slf4j.helpers.MessageFormatter;

/**
 * Keeps the gateway's secrets (the API key, webhook tokens, the metrics token, MaiAgent's API key,
 * target header and URL credentials) out of every log line, at every level: at DEBUG, Jetty's
 * parser, Apache HttpClient's header and wire logs and other libraries print request lines and
 * headers as they are. A logback turbo filter sees each enabled event before any appender; one
 * whose text holds a protected value is replaced by the same event with the value shown as {@link
 * #MASK} (a throwable whose message holds one is reduced to its class name).
 *
 * <p>Process-wide, like logging itself: the owners of secrets {@link #protect} them as they read
 * them, and nothing is ever unprotected. Values shorter than {@link #MIN_LENGTH} are not protected:
 * they would mask ordinary words.
 */
public final class LogRedaction extends TurboFilter {

  public static final String MASK = "[redacted]";
  static final int MIN_LENGTH = 8;

  /** An event that shows a secret on purpose, once: the API key generated at first start. */
  public static final Marker SHOWN_ON_PURPOSE = MarkerFactory.getMarker("MAIGW_SHOWN_ON_PURPOSE");

  private static final LogRedaction INSTANCE = new LogRedaction();
  private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
  private static final ThreadLocal<Boolean> REPLAYING = new ThreadLocal<>();

  private LogRedaction() {
    setName("maigw-log-redaction");
  }

  /** Protects {@code secret} from now on (and, for {@code Bearer <token>}, the token alone). */
  public static void protect(String secret) {
    if (secret == null) {
      return;
    }
    String value = secret.trim();
    if (value.length() >= MIN_LENGTH) {
      SECRETS.add(value);
    }
    int space = value.indexOf(' ');
    if (space > 0) {
      protect(value.substring(space + 1));
    }
    install();
  }

  /**
   * Adds the filter to logback's context unless it is there. Called on every {@link #protect}: a
   * logging system re-initialised after start (Spring Boot resets the context) loses its filters.
   */
  static void install() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    if (!context.getTurboFilterList().contains(INSTANCE)) {
      INSTANCE.start();
      context.addTurboFilter(INSTANCE);
    }
  }

  /** {@code text} with every protected value masked. */
  public static String redact(String text) {
    if (text == null || SECRETS.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : SECRETS) {
      if (out.contains(secret)) {
        out = out.replace(secret, MASK);
      }
    }
    return out;
  }

  private static boolean holdsSecret(String text) {
    if (text == null) {
      return false;
    }
    for (String secret : SECRETS) {
      if (text.contains(secret)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level == null
        || format == null
        || SECRETS.isEmpty()
        || REPLAYING.get() != null
        || !level.isGreaterOrEqual(logger.getEffectiveLevel())
        || (marker != null && marker.contains(SHOWN_ON_PURPOSE))) {
      return FilterReply.NEUTRAL;
    }
    String message =
        params == null ? format : MessageFormatter.arrayFormat(format, params).getMessage();
    Throwable throwable = t != null ? t : MessageFormatter.getThrowableCandidate(params);
    boolean secretInThrowable = throwable != null && holdsSecret(String.valueOf(throwable));
    if (!holdsSecret(message) && !secretInThrowable) {
      return FilterReply.NEUTRAL;
    }
    String redacted = redact(message);
    if (secretInThrowable) {
      redacted += " [" + throwable.getClass().getName() + ": message redacted]";
      throwable = null;
    }
    REPLAYING.set(Boolean.TRUE);
    try {
      LoggingEvent event =
          new LoggingEvent(Logger.class.getName(), logger, level, redacted, throwable, null);
      if (marker != null) {
        event.addMarker(marker);
      }
      logger.callAppenders(event);
    } finally {
      REPLAYING.remove();
    }
    return FilterReply.DENY;
  }
}
