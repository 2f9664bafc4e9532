package dev.maigw.gateway.system;

import dev.maigw.sdk.webhook.LogSafe;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One log line that a machine can read: {@code event=<name>} and then {@code key=value} pairs in a
 * fixed order, in the plain format; the same pairs as fields named {@code maigw.<key>} in the JSON
 * format ({@code MAIGW_LOG_FORMAT=json}). The {@code maigw.} prefix keeps them clear of the fields
 * ECS itself defines as objects ({@code event}, {@code error}), which a log store would refuse as
 * plain values.
 *
 * <p>Values are escaped for one line ({@link LogSafe}); a value with a space, quote or {@code =} is
 * quoted. A null value is written {@code -} (and left out of the JSON fields). Never pass a body, a
 * path or a token.
 */
public final class LogEvent {

  /** The prefix of the JSON fields. */
  public static final String FIELD_PREFIX = "maigw.";

  private static final int MAX_VALUE_CHARS = 200;
  private static final Pattern BARE = Pattern.compile("[A-Za-z0-9._:/@+\\-]+");

  private final Map<String, Object> fields = new LinkedHashMap<>();

  private LogEvent(String event) {
    fields.put("event", event);
  }

  /** Starts the line of the event {@code name}, e.g. {@code delivery.attempt}. */
  public static LogEvent of(String name) {
    return new LogEvent(name);
  }

  /** Adds {@code key=value}; numbers stay numbers in JSON, anything else becomes its text. */
  public LogEvent with(String key, Object value) {
    fields.put(key, value);
    return this;
  }

  /** Writes the line at {@code level}, if that level is enabled. */
  public void log(Logger logger, Level level) {
    if (!logger.isEnabledForLevel(level)) {
      return;
    }
    LoggingEventBuilder line = logger.atLevel(level);
    for (Map.Entry<String, Object> field : fields.entrySet()) {
      Object value = field.getValue();
      if (value != null) {
        line =
            line.addKeyValue(
                FIELD_PREFIX + field.getKey(),
                value instanceof Number
                    ? value
                    : LogSafe.escapeForLog(value.toString(), MAX_VALUE_CHARS));
      }
    }
    line.log(toString());
  }

  /** The line as the plain format shows it, for tests and for messages that quote it. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    fields.forEach(
        (key, value) ->
            text.append(text.isEmpty() ? "" : " ").append(key).append('=').append(plain(value)));
    return text.toString();
  }

  private static String plain(Object value) {
    if (value == null) {
      return "-";
    }
    String safe = LogSafe.escapeForLog(value.toString(), MAX_VALUE_CHARS);
    if (BARE.matcher(safe).matches()) {
      return safe;
    }
    return '"' + safe.replace("\"", "\\\"") + '"';
  }
}
