package dev.maigw.emulator.testing;

import dev.maigw.emulator.EmulatorConfig;
import java.time.Duration;

/** Test configurations: a free port, short delays, retries in tens of milliseconds. */
public final class Emulators {
  private Emulators() {}

  public static EmulatorConfig fast(String webhookUrl) {
    return EmulatorConfig.defaults()
        .withPort(0)
        .withWebhookUrl(webhookUrl)
        .withReplyDelay(Duration.ofMillis(10))
        .withRetryDelays(Duration.ofMillis(30), Duration.ofMillis(30), Duration.ofMillis(30))
        .withWebhookTimeout(Duration.ofSeconds(2));
  }
}
