package dev.maigw.gateway.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The in-process {@link MessageHandler} beans, each registered as a target with URL {@code
 * handler:<name>} so that deliveries, retries, dead letters and replay work the same for them.
 */
@Component
class HandlerTargets implements ApplicationRunner {

  static final String URL_PREFIX = "handler:";
  private static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
  private static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);

  private final List<MessageHandler> handlers;
  private final TargetStore store;
  private final EnabledTargets enabled;

  HandlerTargets(
      ObjectProvider<MessageHandler> handlers, TargetStore store, EnabledTargets enabled) {
    this.handlers = handlers.orderedStream().toList();
    this.store = store;
    this.enabled = enabled;
  }

  Optional<MessageHandler> forTarget(Target target) {
    if (!target.url().startsWith(URL_PREFIX)) {
      return Optional.empty();
    }
    String name = target.url().substring(URL_PREFIX.length());
    return handlers.stream().filter(h -> h.name().equals(name)).findFirst();
  }

  private static Duration timeout(MessageHandler handler) {
    Duration timeout = handler.timeout();
    if (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new IllegalStateException(
          "MessageHandler "
              + handler.name()
              + " needs a timeout of 100 ms to 60 s; got "
              + timeout);
    }
    return timeout;
  }

  static boolean isHandler(Target target) {
    return target.url().startsWith(URL_PREFIX);
  }

  @Override
  public void run(ApplicationArguments args) {
    for (MessageHandler handler : handlers) {
      TargetSettings settings =
          new TargetSettings(
              URL_PREFIX + handler.name(),
              URL_PREFIX + handler.name(),
              handler.messageTypes(),
              null,
              null,
              null,
              Map.of(),
              timeout(handler),
              handler.ordered());
      String id = "handler-" + handler.name();
      // Idempotent: another instance starting at the same moment may create it first.
      store.createOrUpdate(settings, id, SigningSecret.generate(), true);
    }
    if (!handlers.isEmpty()) {
      enabled.reload();
    }
  }
}
