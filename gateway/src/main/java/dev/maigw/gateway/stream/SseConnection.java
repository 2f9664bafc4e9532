package dev.maigw.gateway.stream;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One client's response: a bounded queue of encoded events, written with the servlet's non-blocking
 * output by whichever thread has work (a small shared pool, or the container when the socket
 * drains), so no thread ever waits on a slow client. A client that falls behind by more than the
 * queue holds is cut off; it reconnects with {@code Last-Event-ID} and loses nothing.
 */
final class SseConnection implements WriteListener, AsyncListener {

  private final AsyncContext async;
  private final ServletOutputStream out;
  private final Executor writers;
  private final StreamProperties limits;
  private final Runnable onClose;
  private final ConcurrentLinkedQueue<byte[]> queue = new ConcurrentLinkedQueue<>();
  private final AtomicLong queuedBytes = new AtomicLong();
  private final AtomicInteger queuedEvents = new AtomicInteger();
  private final AtomicInteger drains = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicReference<Runnable> whenRoom = new AtomicReference<>();
  private volatile long lastOfferNanos = System.nanoTime();
  // Only touched inside drain(), which never runs twice at once: the response headers go out
  // with the first flush, as soon as the stream opens.
  private boolean unflushed = true;

  SseConnection(AsyncContext async, Executor writers, StreamProperties limits, Runnable onClose)
      throws IOException {
    this.async = async;
    this.out = async.getResponse().getOutputStream();
    this.writers = writers;
    this.limits = limits;
    this.onClose = onClose;
  }

  /** Starts writing, the response headers first, without waiting for a first event. */
  void start() {
    async.addListener(this);
    out.setWriteListener(this);
    // The container need not call onWritePossible until a write was refused: flush now.
    scheduleDrain();
  }

  /**
   * Queues {@code event} unless the connection is closed; closes it instead when the queue is full
   * (an event always fits into an empty queue, however large).
   *
   * @return whether the event was queued
   */
  boolean offer(byte[] event) {
    if (closed.get()) {
      return false;
    }
    int events = queuedEvents.incrementAndGet();
    long bytes = queuedBytes.addAndGet(event.length);
    if (events > 1 && (events > limits.maxQueuedEvents() || bytes > limits.maxQueuedBytes())) {
      close();
      return false;
    }
    queue.add(event);
    lastOfferNanos = System.nanoTime();
    scheduleDrain();
    return true;
  }

  /** Whether more than half the queue is free, so a catch-up may add a page. */
  boolean hasRoom() {
    return queuedEvents.get() <= limits.maxQueuedEvents() / 2
        && queuedBytes.get() <= limits.maxQueuedBytes() / 2;
  }

  /** Runs {@code task} once the queue has room again (at once if it has). */
  void whenRoom(Runnable task) {
    whenRoom.set(task);
    if (hasRoom() || closed.get()) {
      runWhenRoom();
    }
  }

  long idleNanos(long now) {
    return now - lastOfferNanos;
  }

  boolean isClosed() {
    return closed.get();
  }

  @Override
  public void onWritePossible() {
    if (drains.getAndIncrement() == 0) {
      drain();
    }
  }

  private void scheduleDrain() {
    if (drains.getAndIncrement() == 0) {
      try {
        writers.execute(this::drain);
      } catch (RejectedExecutionException shuttingDown) {
        close();
      }
    }
  }

  /** Writes while the output takes it; when it stops, the container calls back. */
  private void drain() {
    int missed = 1;
    while (true) {
      try {
        writeWhileReady();
      } catch (IOException | RuntimeException gone) {
        close();
      }
      missed = drains.addAndGet(-missed);
      if (missed == 0) {
        return;
      }
    }
  }

  private void writeWhileReady() throws IOException {
    while (!closed.get() && out.isReady()) {
      byte[] event = queue.poll();
      if (event == null) {
        if (!unflushed) {
          return;
        }
        unflushed = false;
        out.flush();
        continue;
      }
      queuedEvents.decrementAndGet();
      queuedBytes.addAndGet(-event.length);
      out.write(event);
      unflushed = true;
      if (hasRoom()) {
        runWhenRoom();
      }
    }
  }

  private void runWhenRoom() {
    Runnable task = whenRoom.getAndSet(null);
    if (task != null) {
      task.run();
    }
  }

  /** Ends the response and frees its slot; safe to repeat, from any thread. */
  void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    queue.clear();
    try {
      onClose.run();
    } finally {
      try {
        async.complete();
      } catch (IllegalStateException alreadyOver) {
        // The container ended the request first (client gone, shutdown): nothing to complete.
      }
    }
  }

  @Override
  public void onError(Throwable failure) {
    close();
  }

  @Override
  public void onComplete(AsyncEvent event) {
    close();
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    close();
  }

  @Override
  public void onError(AsyncEvent event) {
    close();
  }

  @Override
  public void onStartAsync(AsyncEvent event) {
    // Not restarted.
  }
}
