package dev.maigw.gateway.system;

import dev.maigw.sdk.webhook.LogSafe;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code MAIGW_LOG_FORMAT} ({@code maigw.log-format}): {@code plain} (the default, Spring Boot's
 * usual console lines) or {@code json}, one JSON object per line for log shippers, in the Elastic
 * Common Schema. {@code ecs}, {@code logstash} and {@code gelf} name one of Spring Boot's
 * structured formats directly. The gateway's own key fields appear as {@code maigw.*} (see {@link
 * LogEvent}).
 *
 * <p>Applied before logging starts (an environment post-processor, registered in {@code
 * META-INF/spring.factories}), so an unknown value stops the start with one sentence instead of a
 * logging system's stack trace.
 */
class LogFormat implements EnvironmentPostProcessor {

  static final String PROPERTY = "maigw.log-format";
  private static final String STRUCTURED = "logging.structured.format.console";
  private static final Map<String, String> FORMATS =
      Map.of("json", "ecs", "ecs", "ecs", "logstash", "logstash", "gelf", "gelf");

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String value = environment.getProperty(PROPERTY, "plain").trim().toLowerCase(Locale.ROOT);
    if (value.isEmpty() || value.equals("plain")) {
      return;
    }
    String format = FORMATS.get(value);
    if (format == null) {
      throw new InvalidSettingException(
          "MAIGW_LOG_FORMAT",
          "'" + LogSafe.escapeForLog(value, 24) + "' is not a log format",
          "use plain (the default) or json (one JSON object per line); ecs, logstash and gelf"
              + " choose the JSON layout");
    }
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("maigwLogFormat", Map.of(STRUCTURED, format)));
  }
}
