package dev.maigw.emulator;

import dev.maigw.emulator.access.SlashlessMode;
import dev.maigw.emulator.delivery.RetrySchedule;
import dev.maigw.emulator.system.ConfigurationException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The command line's settings: each is an environment variable and an equivalent flag ({@code
 * --port 8091} or {@code --port=8091}); a flag wins over the environment.
 */
enum EmulatorSettings {
  HOST(
      "MAIAGENT_EMULATOR_HOST",
      "--host",
      "127.0.0.1",
      "loopback address to bind",
      EmulatorConfig::withHost),
  PORT(
      "MAIAGENT_EMULATOR_PORT",
      "--port",
      "8090",
      "port to listen on; 0 picks a free one",
      (config, value) -> config.withPort(integer("MAIAGENT_EMULATOR_PORT", value))),
  API_KEY(
      "MAIAGENT_EMULATOR_API_KEY",
      "--api-key",
      "emulator-key",
      "key expected in 'Authorization: Api-Key <key>'",
      EmulatorConfig::withApiKey),
  WEBHOOK_URL(
      "MAIAGENT_EMULATOR_WEBHOOK_URL",
      "--webhook-url",
      "http://127.0.0.1:8080/maiagent/webhook",
      "where replies are POSTed (loopback only)",
      EmulatorConfig::withWebhookUrl),
  REPLY_DELAY_MS(
      "MAIAGENT_EMULATOR_REPLY_DELAY_MS",
      "--reply-delay-ms",
      "200",
      "delay from a message's receipt to its reply webhook",
      (config, value) -> config.withReplyDelay(millis("MAIAGENT_EMULATOR_REPLY_DELAY_MS", value))),
  RETRY_DELAYS_MS(
      "MAIAGENT_EMULATOR_RETRY_DELAYS_MS",
      "--retry-delays-ms",
      "1000,5000,30000",
      "waits between webhook attempts after a non-200; empty = no retries",
      (config, value) ->
          config.withRetryDelays(
              RetrySchedule.parseMillis(value).delays().toArray(Duration[]::new))),
  WEBHOOK_TIMEOUT_MS(
      "MAIAGENT_EMULATOR_WEBHOOK_TIMEOUT_MS",
      "--webhook-timeout-ms",
      "5000",
      "how long one webhook attempt may take",
      (config, value) ->
          config.withWebhookTimeout(millis("MAIAGENT_EMULATOR_WEBHOOK_TIMEOUT_MS", value))),
  SLASHLESS(
      "MAIAGENT_EMULATOR_SLASHLESS",
      "--slashless",
      "404",
      "answer to API paths without their trailing slash: 404 or 301",
      (config, value) -> config.withSlashless(SlashlessMode.parse(value)));

  final String env;
  final String flag;
  final String defaultValue;
  final String help;
  private final BiFunction<EmulatorConfig, String, EmulatorConfig> apply;

  EmulatorSettings(
      String env,
      String flag,
      String defaultValue,
      String help,
      BiFunction<EmulatorConfig, String, EmulatorConfig> apply) {
    this.env = env;
    this.flag = flag;
    this.defaultValue = defaultValue;
    this.help = help;
    this.apply = apply;
  }

  /**
   * Reads the configuration from the environment and the command line.
   *
   * @throws ConfigurationException for an unknown flag or an unusable value
   */
  static EmulatorConfig read(Map<String, String> environment, List<String> args) {
    Map<EmulatorSettings, String> values = new HashMap<>();
    for (EmulatorSettings setting : values()) {
      String fromEnv = environment.get(setting.env);
      if (fromEnv != null) {
        values.put(setting, fromEnv);
      }
    }
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      int eq = arg.indexOf('=');
      String flag = eq < 0 ? arg : arg.substring(0, eq);
      EmulatorSettings setting = byFlag(flag);
      if (eq < 0 && i + 1 >= args.size()) {
        throw new ConfigurationException("Flag " + flag + " needs a value");
      }
      values.put(setting, eq < 0 ? args.get(++i) : arg.substring(eq + 1));
    }
    EmulatorConfig config = EmulatorConfig.defaults();
    for (EmulatorSettings setting : values()) {
      String value = values.get(setting);
      if (value != null) {
        config = setting.apply.apply(config, value.trim());
      }
    }
    return config;
  }

  /** One line per setting, for {@code --help}. */
  static String usage() {
    StringBuilder text = new StringBuilder("Settings (environment variable / flag, default):\n");
    for (EmulatorSettings setting : values()) {
      text.append(String.format("  %-38s %-20s %s%n", setting.env, setting.flag, setting.help))
          .append(String.format("  %-38s %-20s default: %s%n", "", "", setting.defaultValue));
    }
    return text.toString();
  }

  private static EmulatorSettings byFlag(String flag) {
    for (EmulatorSettings setting : values()) {
      if (setting.flag.equals(flag)) {
        return setting;
      }
    }
    throw new ConfigurationException("Unknown flag " + flag + "; see --help");
  }

  private static int integer(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new ConfigurationException(name + " must be an integer: " + value);
    }
  }

  private static Duration millis(String name, String value) {
    return Duration.ofMillis(integer(name, value));
  }
}
