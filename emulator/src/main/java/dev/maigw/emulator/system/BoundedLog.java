package dev.maigw.emulator.system;

import java.util.ArrayDeque;
import java.util.List;

/** A thread-safe append-only log that drops its oldest entries beyond {@code capacity}. */
public final class BoundedLog<T> {
  private final int capacity;
  private final ArrayDeque<T> entries = new ArrayDeque<>();

  public BoundedLog(int capacity) {
    this.capacity = capacity;
  }

  public synchronized void add(T entry) {
    if (entries.size() == capacity) {
      entries.removeFirst();
    }
    entries.addLast(entry);
  }

  /** A copy, oldest first. */
  public synchronized List<T> snapshot() {
    return List.copyOf(entries);
  }

  public synchronized void clear() {
    entries.clear();
  }
}
