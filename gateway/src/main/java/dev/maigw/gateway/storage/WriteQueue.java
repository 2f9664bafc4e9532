package dev.maigw.gateway.storage;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The writes waiting for the writer, bounded in count and in the bytes their callers declared.
 * Bytes stay counted until the writer is done with a write ({@link #release}), not merely until it
 * leaves the queue: a batch being committed still holds its bodies.
 */
final class WriteQueue {

  private final BlockingQueue<Pending<?>> queue;
  private final AtomicLong bytes = new AtomicLong();
  private final long maxBytes;

  WriteQueue(int maxWrites, long maxBytes) {
    this.queue = new ArrayBlockingQueue<>(maxWrites);
    this.maxBytes = maxBytes;
  }

  /** Queues {@code pending}; returns null, or why it was refused (a sentence). */
  String offer(Pending<?> pending) {
    if (!reserve(pending.bytes)) {
      return "Too many bytes are waiting for the store.";
    }
    if (!queue.offer(pending)) {
      release(pending);
      return "Too many writes are waiting for the store.";
    }
    return null;
  }

  /**
   * Completes every still-queued write with {@code failure}. The writes stay in the queue, and the
   * writer drops them unrun (and gives their bytes back) when it takes them, like any abandoned
   * write.
   */
  void failWaiting(RuntimeException failure) {
    for (Pending<?> pending : queue) {
      pending.result.completeExceptionally(failure);
    }
  }

  Pending<?> poll(long timeoutMillis) throws InterruptedException {
    return queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  void drainTo(List<Pending<?>> batch, int maxWrites) {
    queue.drainTo(batch, maxWrites);
  }

  boolean isEmpty() {
    return queue.isEmpty();
  }

  int size() {
    return queue.size();
  }

  /** Declared bytes of the writes queued or being committed. */
  long bytes() {
    return bytes.get();
  }

  /** Gives the write's bytes back, once. */
  void release(Pending<?> pending) {
    if (!pending.released) {
      pending.released = true;
      bytes.addAndGet(-pending.bytes);
    }
  }

  /**
   * Takes {@code count} from the budget. When nothing else is queued any one write is admitted, so
   * a write larger than the whole budget is slow rather than refused for ever. Zero is never
   * refused.
   */
  private boolean reserve(long count) {
    if (count == 0) {
      return true;
    }
    while (true) {
      long current = bytes.get();
      if (current > 0 && current + count > maxBytes) {
        return false;
      }
      if (bytes.compareAndSet(current, current + count)) {
        return true;
      }
    }
  }

  /** A queued write and the future its caller waits on. */
  static final class Pending<T> {
    final GroupCommitWriter.Work<T> work;
    final CompletableFuture<T> result = new CompletableFuture<>();
    final long bytes;

    /** Touched only by the thread that owns the write at the time (submitter, then writer). */
    private boolean released;

    Pending(GroupCommitWriter.Work<T> work, long bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("bytes must not be negative: " + bytes);
      }
      this.work = work;
      this.bytes = bytes;
    }
  }
}
