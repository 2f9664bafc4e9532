package dev.maigw.emulator.testing;

import dev.maigw.emulator.MaiAgentEmulator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One emulator for a whole test class, as a JUnit extension: started before the first test, closed
 * after the last. Its webhooks go to a port nothing answers on (tests that check webhooks start
 * their own emulator with a {@link WebhookReceiver}).
 *
 * <p>Use: {@code @RegisterExtension static final SharedEmulator shared = new SharedEmulator();}
 * then {@code shared.emulator()} and {@code shared.api()}.
 */
public final class SharedEmulator implements BeforeAllCallback, AfterAllCallback {

  private MaiAgentEmulator emulator;
  private ApiClient api;

  @Override
  public void beforeAll(ExtensionContext context) {
    emulator = MaiAgentEmulator.start(Emulators.fast("http://127.0.0.1:9/hook"));
    api = new ApiClient(emulator);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    emulator.close();
  }

  public MaiAgentEmulator emulator() {
    return emulator;
  }

  public ApiClient api() {
    return api;
  }
}
