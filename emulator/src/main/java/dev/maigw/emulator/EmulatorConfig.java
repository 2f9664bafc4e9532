package dev.maigw.emulator;

import dev.maigw.emulator.access.SlashlessMode;
import dev.maigw.emulator.delivery.RetrySchedule;
import dev.maigw.emulator.system.ConfigurationException;
import dev.maigw.emulator.system.Loopback;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * How to run an emulator. {@link #defaults()} matches the command line's defaults (see {@link
 * EmulatorSettings} for the environment variables and flags); each {@code with*} changes one
 * setting.
 *
 * @param host the loopback address to bind (default 127.0.0.1)
 * @param port the port to bind; 0 picks a free one (default 8090)
 * @param apiKey the key expected in {@code Authorization: Api-Key <key>} (default emulator-key)
 * @param webhookUrl where replies are POSTed; loopback only (default
 *     http://127.0.0.1:8080/maiagent/webhook)
 * @param replyDelay from a message's receipt to its reply's first delivery (default 200 ms)
 * @param retrySchedule waits between webhook attempts (default 1 s, 5 s, 30 s, then give up)
 * @param webhookTimeout how long one webhook attempt may take (default 5 s)
 * @param slashless the answer to API paths missing their trailing slash (default 404)
 * @param clock the source of timestamps
 */
public record EmulatorConfig(
    String host,
    int port,
    String apiKey,
    URI webhookUrl,
    Duration replyDelay,
    RetrySchedule retrySchedule,
    Duration webhookTimeout,
    SlashlessMode slashless,
    Clock clock) {

  public EmulatorConfig {
    host = Loopback.requireLoopbackHost("MAIAGENT_EMULATOR_HOST", host);
    webhookUrl =
        Loopback.requireLoopbackUrl("MAIAGENT_EMULATOR_WEBHOOK_URL", webhookUrl.toString());
    if (port < 0 || port > 65_535) {
      throw new ConfigurationException("MAIAGENT_EMULATOR_PORT must be 0 to 65535: " + port);
    }
    if (apiKey == null || apiKey.isBlank() || apiKey.chars().anyMatch(Character::isWhitespace)) {
      throw new ConfigurationException("MAIAGENT_EMULATOR_API_KEY must be one non-blank word");
    }
    if (replyDelay.isNegative() || webhookTimeout.isNegative() || webhookTimeout.isZero()) {
      throw new ConfigurationException(
          "Reply delay must be zero or more and webhook timeout more than zero");
    }
  }

  public static EmulatorConfig defaults() {
    return new EmulatorConfig(
        "127.0.0.1",
        8090,
        "emulator-key",
        URI.create("http://127.0.0.1:8080/maiagent/webhook"),
        Duration.ofMillis(200),
        RetrySchedule.parseMillis("1000,5000,30000"),
        Duration.ofSeconds(5),
        SlashlessMode.NOT_FOUND,
        Clock.systemUTC());
  }

  public EmulatorConfig withHost(String value) {
    return edit(c -> c.host = value);
  }

  public EmulatorConfig withPort(int value) {
    return edit(c -> c.port = value);
  }

  public EmulatorConfig withApiKey(String value) {
    return edit(c -> c.apiKey = value);
  }

  /**
   * @throws ConfigurationException unless {@code value} is a loopback http(s) URL
   */
  public EmulatorConfig withWebhookUrl(String value) {
    return edit(
        c -> c.webhookUrl = Loopback.requireLoopbackUrl("MAIAGENT_EMULATOR_WEBHOOK_URL", value));
  }

  public EmulatorConfig withReplyDelay(Duration value) {
    return edit(c -> c.replyDelay = value);
  }

  public EmulatorConfig withRetryDelays(Duration... delays) {
    return edit(c -> c.retrySchedule = new RetrySchedule(List.of(delays)));
  }

  public EmulatorConfig withWebhookTimeout(Duration value) {
    return edit(c -> c.webhookTimeout = value);
  }

  public EmulatorConfig withSlashless(SlashlessMode value) {
    return edit(c -> c.slashless = value);
  }

  public EmulatorConfig withClock(Clock value) {
    return edit(c -> c.clock = value);
  }

  /** A copy with one setting changed by {@code change}; the copy is checked like any other. */
  private EmulatorConfig edit(Consumer<Settings> change) {
    Settings settings = new Settings(this);
    change.accept(settings);
    return settings.toConfig();
  }

  /** The settings, one assignable field each, for {@link #edit}. */
  private static final class Settings {
    String host;
    int port;
    String apiKey;
    URI webhookUrl;
    Duration replyDelay;
    RetrySchedule retrySchedule;
    Duration webhookTimeout;
    SlashlessMode slashless;
    Clock clock;

    Settings(EmulatorConfig config) {
      host = config.host;
      port = config.port;
      apiKey = config.apiKey;
      webhookUrl = config.webhookUrl;
      replyDelay = config.replyDelay;
      retrySchedule = config.retrySchedule;
      webhookTimeout = config.webhookTimeout;
      slashless = config.slashless;
      clock = config.clock;
    }

    EmulatorConfig toConfig() {
      return new EmulatorConfig(
          host,
          port,
          apiKey,
          webhookUrl,
          replyDelay,
          retrySchedule,
          webhookTimeout,
          slashless,
          clock);
    }
  }
}
