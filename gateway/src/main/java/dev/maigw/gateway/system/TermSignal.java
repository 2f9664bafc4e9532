package dev.maigw.gateway.system;

import java.lang.reflect.Proxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an action on SIGTERM instead of the JVM's default, which exits with 143 even after a clean
 * graceful stop (process supervisors then report a failure). Uses {@code sun.misc.Signal} from the
 * exported {@code jdk.unsupported} module, reached reflectively because the compiler flags every
 * direct use as proprietary API; where it is missing the JVM's default stays in place.
 */
public final class TermSignal {

  private static final Logger log = LoggerFactory.getLogger(TermSignal.class);

  private TermSignal() {}

  /** Replaces the SIGTERM handler with {@code action}, run on a thread of its own. */
  public static void onTerm(String threadName, Runnable action) {
    try {
      Class<?> signalType = Class.forName("sun.misc.Signal");
      Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
      Object term = signalType.getConstructor(String.class).newInstance("TERM");
      Object handler =
          Proxy.newProxyInstance(
              handlerType.getClassLoader(),
              new Class<?>[] {handlerType},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "handle" -> {
                      new Thread(action, threadName).start();
                      yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> "TermSignal[" + threadName + "]";
                  });
      signalType.getMethod("handle", signalType, handlerType).invoke(null, term, handler);
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.debug("SIGTERM keeps the JVM's default handling: {}", e.toString());
    }
  }
}
