package dev.maigw.emulator.fault;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/** The current {@link Faults}, read by every request and delivery; safe to switch at any time. */
public final class FaultSwitch {
  private final AtomicReference<Faults> current = new AtomicReference<>(Faults.none());

  public Faults current() {
    return current.get();
  }

  public void set(Faults faults) {
    current.set(faults);
  }

  /** Applies {@code change} atomically and returns the result. */
  public Faults update(UnaryOperator<Faults> change) {
    return current.updateAndGet(change);
  }

  public void reset() {
    current.set(Faults.none());
  }
}
