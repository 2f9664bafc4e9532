package dev.maigw.emulator;

import dev.maigw.emulator.system.EmulatorException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator from the command line until interrupted. Settings come from {@code
 * MAIAGENT_EMULATOR_*} environment variables and equivalent flags; {@code --help} lists them. Exits
 * with status 2 when a setting is refused (for example a non-loopback webhook URL).
 */
public final class EmulatorMain {
  private EmulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.println("maiagent-emulator: a local fake of the MaiAgent API and webhooks.\n");
      System.out.print(EmulatorSettings.usage());
      return;
    }
    System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %3$s: %5$s%6$s%n");
    MaiAgentEmulator emulator;
    try {
      emulator = MaiAgentEmulator.start(EmulatorSettings.read(System.getenv(), List.of(args)));
    } catch (EmulatorException e) {
      System.err.println("maiagent-emulator: " + e.getMessage());
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  stopped.countDown();
                },
                "maiagent-emulator-shutdown"));
    System.out.println("MaiAgent emulator listening");
    System.out.println("  API base URL : " + emulator.baseUrl());
    System.out.println("  API key      : Authorization: Api-Key " + emulator.apiKey());
    System.out.println("  Webhook URL  : " + emulator.webhookUrl());
    System.out.println("  Control API  : " + emulator.origin() + "/_emulator");
    stopped.await();
  }
}
