package dev.maigw.gateway.message;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Wakes the {@link MessageTail} when a message is stored. Only a hint within this instance: one
 * counter for all conversations; the tail re-reads the store when woken, and by itself now and then
 * so a message stored by another instance is seen too.
 */
@Component
public class MessageSignals {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private long version;

  /** The current version; pass it to {@link #awaitChange}. */
  public long version() {
    lock.lock();
    try {
      return version;
    } finally {
      lock.unlock();
    }
  }

  void signal() {
    lock.lock();
    try {
      version++;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until a message is stored after {@code seen} was read, or {@code timeout} passes.
   *
   * @return true when a message was stored meanwhile
   */
  public boolean awaitChange(long seen, Duration timeout) throws InterruptedException {
    long remaining = timeout.toNanos();
    lock.lock();
    try {
      while (version == seen) {
        if (remaining <= 0) {
          return false;
        }
        remaining = changed.awaitNanos(remaining);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }
}
