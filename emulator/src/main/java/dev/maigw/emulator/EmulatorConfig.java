package dev.maigw.emulator;

import dev.maigw.emulator.access.SlashlessMode;
import dev.maigw.emulator.delivery.RetrySchedule;
import dev.maigw.emulator.system.ConfigurationException;
import dev.maigw.emulator.system.Loopback;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

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
    return new EmulatorConfig(
        value,
        port,
        apiKey,
        webhookUrl,
        replyDelay,
        retrySchedule,
        webhookTimeout,
        slashless,
        clock);
  }

  public EmulatorConfig withPort(int value) {
    return new EmulatorConfig(
        host,
        value,
        apiKey,
        webhookUrl,
        replyDelay,
        retrySchedule,
        webhookTimeout,
        slashless,
        clock);
  }

  public EmulatorConfig withApiKey(String value) {
    return new EmulatorConfig(
        host, port, value, webhookUrl, replyDelay, retrySchedule, webhookTimeout, slashless, clock);
  }

  /**
   * @throws ConfigurationException unless {@code value} is a loopback http(s) URL
   */
  public EmulatorConfig withWebhookUrl(String value) {
    return new EmulatorConfig(
        host,
        port,
        apiKey,
        Loopback.requireLoopbackUrl("MAIAGENT_EMULATOR_WEBHOOK_URL", value),
        replyDelay,
        retrySchedule,
        webhookTimeout,
        slashless,
        clock);
  }

  public EmulatorConfig withReplyDelay(Duration value) {
    return new EmulatorConfig(
        host, port, apiKey, webhookUrl, value, retrySchedule, webhookTimeout, slashless, clock);
  }

  public EmulatorConfig withRetryDelays(Duration... delays) {
    return new EmulatorConfig(
        host,
        port,
        apiKey,
        webhookUrl,
        replyDelay,
        new RetrySchedule(List.of(delays)),
        webhookTimeout,
        slashless,
        clock);
  }

  public EmulatorConfig withWebhookTimeout(Duration value) {
    return new EmulatorConfig(
        host, port, apiKey, webhookUrl, replyDelay, retrySchedule, value, slashless, clock);
  }

  public EmulatorConfig withSlashless(SlashlessMode value) {
    return new EmulatorConfig(
        host, port, apiKey, webhookUrl, replyDelay, retrySchedule, webhookTimeout, value, clock);
  }

  public EmulatorConfig withClock(Clock value) {
    return new EmulatorConfig(
        host,
        port,
        apiKey,
        webhookUrl,
        replyDelay,
        retrySchedule,
        webhookTimeout,
        slashless,
        value);
  }
}
