package dev.maigw.gateway.message;

import dev.maigw.gateway.system.Loops;
import dev.maigw.gateway.system.StoreUnavailableException;
import dev.maigw.gateway.system.SupervisedLoop;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The one reader of new commits in this instance: a single thread reads the messages after its
 * cursor when a local commit signals (and every {@link TailProperties#poll()}, for commits of other
 * instances) and hands each page to every {@link Subscriber}, so the store sees the same reads
 * however many streams and long polls are open.
 *
 * <p>A subscription starts at the tail's position at that moment: every message after {@link
 * Subscription#position()} reaches the subscriber, in commit order, exactly once. What lies at or
 * before it is the subscriber's to read from the store (cursors follow commit order, see {@code
 * Dialect.begin}, so everything at or before the position is already committed).
 */
@Component
public class MessageTail implements SmartLifecycle {

  /** Told about each new page of messages on the tail's thread: must not block or read. */
  public interface Subscriber {
    void onMessages(List<StoredMessage> page);

    /**
     * False while it wants nothing (a hub with no clients): with no subscriber listening the tail
     * skips ahead without reading bodies. Read under the tail's lock, see {@link #atPosition}.
     */
    default boolean listening() {
      return true;
    }

    /** The tail stops (the gateway shuts down): nothing more will come. */
    default void onStop() {}
  }

  /** A registration; {@link #close()} ends it (safe to repeat). */
  public final class Subscription implements AutoCloseable {
    private final Subscriber subscriber;
    private final long position;

    private Subscription(Subscriber subscriber, long position) {
      this.subscriber = subscriber;
      this.position = position;
    }

    /** The cursor after which every message reaches the subscriber. */
    public long position() {
      return position;
    }

    @Override
    public void close() {
      subscribers.remove(subscriber);
    }
  }

  private static final Logger log = LoggerFactory.getLogger(MessageTail.class);

  private final MessageStore store;
  private final MessageSignals signals;
  private final TailProperties properties;
  private final Counter reads;
  private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
  private final Object fanOut = new Object();
  private long cursor = -1; // guarded by fanOut; -1 until the store answered once
  private final SupervisedLoop thread;
  private volatile boolean running;

  MessageTail(
      MessageStore store,
      MessageSignals signals,
      TailProperties properties,
      MeterRegistry meters,
      Loops loops) {
    this.store = store;
    this.thread = loops.create("message-tail", this::run);
    this.signals = signals;
    this.properties = properties;
    this.reads =
        Counter.builder("maigw.stream.tail.reads")
            .description("Queries the message tail made, for every stream and long poll together")
            .register(meters);
    Gauge.builder("maigw.stream.tail.subscribers", subscribers, Set::size)
        .description("Long polls waiting on the message tail, plus the hub of all SSE streams")
        .register(meters);
  }

  /**
   * Registers {@code subscriber} for every message after the current position.
   *
   * @throws StoreUnavailableException while the tail has not reached the store yet
   */
  public Subscription subscribe(Subscriber subscriber) {
    return atPosition(
        position -> {
          subscribers.add(subscriber);
          return new Subscription(subscriber, position);
        });
  }

  /**
   * A subscriber that stays for the tail's life and joins its own clients by {@link #atPosition}.
   */
  public void register(Subscriber subscriber) {
    subscribers.add(subscriber);
  }

  /**
   * Runs {@code action} with the current position while no page is being handed out, so what it
   * sets up sees every later page and none before. Keep it short: the tail waits for it.
   *
   * @throws StoreUnavailableException while the tail has not reached the store yet
   */
  public <T> T atPosition(LongFunction<T> action) {
    synchronized (fanOut) {
      if (cursor < 0) {
        throw new StoreUnavailableException("The message store has not answered yet.");
      }
      return action.apply(cursor);
    }
  }

  /** Whether the tail has reached the store once, so {@link #atPosition} answers. */
  public boolean isReady() {
    synchronized (fanOut) {
      return cursor >= 0;
    }
  }

  private boolean noneListening() {
    return subscribers.stream().noneMatch(Subscriber::listening);
  }

  /**
   * Reads once after the cursor and fans the page out; the tail's thread calls it, and tests may.
   *
   * @return true when a full page was read, so more may be waiting
   */
  boolean readOnce() {
    long from;
    synchronized (fanOut) {
      from = cursor;
    }
    if (from < 0 || noneListening()) {
      skipAhead();
      return false;
    }
    List<StoredMessage> page = store.messagesAfter(from, properties.pageSize());
    reads.increment();
    if (page.isEmpty()) {
      return false;
    }
    synchronized (fanOut) {
      for (Subscriber subscriber : subscribers) {
        try {
          subscriber.onMessages(page);
        } catch (RuntimeException e) {
          log.warn("A message subscriber failed: {}", e.toString());
        }
      }
      cursor = page.get(page.size() - 1).seq();
    }
    return page.size() == properties.pageSize();
  }

  /**
   * With nobody listening, moves to the latest commit without reading bodies: a cheap index read,
   * and the cursor moves only while still nobody listens (a new subscriber keeps its position).
   */
  private void skipAhead() {
    long latest = store.lastSeq();
    reads.increment();
    synchronized (fanOut) {
      if (cursor < 0 || noneListening()) {
        cursor = Math.max(cursor, latest);
      }
    }
  }

  private void run() {
    while (running) {
      try {
        thread.checkpoint();
        long version = signals.version();
        if (!readOnce()) {
          signals.awaitChange(version, properties.poll());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("Message tail failed, trying again: {}", e.toString());
        pause();
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(properties.poll().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void start() {
    try {
      skipAhead();
    } catch (RuntimeException e) {
      log.warn("Message tail cannot reach the store yet: {}", e.toString());
    }
    running = true;
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    // A signal, not an interrupt: an interrupt inside a query could break the pooled connection.
    signals.signal();
    subscribers.forEach(Subscriber::onStop);
    thread.stop(java.time.Duration.ofSeconds(5));
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
