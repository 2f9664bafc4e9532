package dev.maigw.gateway.stream;

import dev.maigw.gateway.message.MessageStore;
import dev.maigw.gateway.message.MessageTail;
import dev.maigw.gateway.message.StoredMessage;
import dev.maigw.gateway.stream.SseFrames.Frame;
import dev.maigw.gateway.system.DaemonThreads;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.AsyncContext;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every open stream of this instance, fed by one subscription to the {@link MessageTail}: each new
 * message is encoded once and its event queued to every stream that wants it. Writes, catch-ups and
 * keep-alives run on three small shared pools, so open streams cost memory, not threads.
 */
@Component
class Streams implements SmartLifecycle, MessageTail.Subscriber {

  private final MessageTail tail;
  private final MessageStore store;
  private final SseFrames frames;
  private final StreamProperties properties;
  private final Semaphore slots;
  private final Set<StreamFeed> feeds = ConcurrentHashMap.newKeySet();
  private final Counter catchUpReads;
  private final ExecutorService writers;
  private final ExecutorService catchUps;
  private final ScheduledExecutorService keepAlives;
  private volatile boolean running;

  Streams(
      MessageTail tail,
      MessageStore store,
      SseFrames frames,
      StreamProperties properties,
      MeterRegistry meters) {
    this.tail = tail;
    this.store = store;
    this.frames = frames;
    this.properties = properties;
    this.slots = new Semaphore(properties.maxStreams());
    this.writers =
        Executors.newFixedThreadPool(properties.writerThreads(), DaemonThreads.named("sse-write"));
    this.catchUps = Executors.newFixedThreadPool(2, DaemonThreads.named("sse-catch-up"));
    this.keepAlives =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("sse-keep-alive"));
    this.catchUpReads =
        Counter.builder("maigw.stream.catchup.reads")
            .description("Queries of streams catching up from an old cursor")
            .register(meters);
    Gauge.builder("maigw.stream.open", feeds, Set::size)
        .description("Open SSE streams")
        .register(meters);
  }

  /** Takes a slot for a new stream, or false when all are taken (or the gateway stops). */
  boolean tryReserve() {
    return running && slots.tryAcquire();
  }

  /** Whether streams can start: the tail knows where the store is. */
  boolean isReady() {
    return tail.isReady();
  }

  /** Gives back a slot taken by {@link #tryReserve} for a stream that did not open. */
  void release() {
    slots.release();
  }

  /**
   * Opens a reserved stream on {@code async}: its events after cursor {@code after}, of {@code
   * conversation} only unless null. The slot is released when the stream closes.
   */
  void open(AsyncContext async, String conversation, long after) throws IOException {
    StreamFeed[] self = new StreamFeed[1];
    SseConnection connection = new SseConnection(async, writers, properties, () -> closed(self[0]));
    StreamFeed feed =
        new StreamFeed(
            connection, conversation, after, store, frames, catchUps, catchUpReads, properties);
    self[0] = feed;
    connection.start();
    tail.atPosition(
        position -> {
          feeds.add(feed);
          feed.join(position);
          return feed;
        });
    if (!running) {
      connection.close();
    }
  }

  private void closed(StreamFeed feed) {
    if (feeds.remove(feed)) {
      slots.release();
    }
  }

  /** On the tail's thread: encodes each message once and hands the page to every stream. */
  @Override
  public void onMessages(List<StoredMessage> page) {
    if (feeds.isEmpty()) {
      return;
    }
    List<Frame> encoded = page.stream().map(frames::message).toList();
    for (StreamFeed feed : feeds) {
      feed.onLive(encoded);
    }
  }

  @Override
  public boolean listening() {
    return !feeds.isEmpty();
  }

  private void keepAlive() {
    long now = System.nanoTime();
    long heartbeat = properties.heartbeat().toNanos();
    for (StreamFeed feed : feeds) {
      SseConnection connection = feed.connection();
      if (connection.idleNanos(now) >= heartbeat) {
        connection.offer(SseFrames.KEEP_ALIVE);
      }
    }
  }

  @Override
  public void start() {
    tail.register(this);
    long tick = Math.max(100, properties.heartbeat().toMillis() / 4);
    keepAlives.scheduleWithFixedDelay(
        DaemonThreads.surviving("sse-keep-alive", this::keepAlive),
        tick,
        tick,
        TimeUnit.MILLISECONDS);
    running = true;
  }

  /**
   * Ends every stream first on shutdown (before the web server's graceful stop), so it is not held
   * up by connections that never finish on their own.
   */
  @Override
  public void stop() {
    running = false;
    for (StreamFeed feed : feeds) {
      feed.connection().close();
    }
    keepAlives.shutdownNow();
    catchUps.shutdownNow();
    writers.shutdown();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
