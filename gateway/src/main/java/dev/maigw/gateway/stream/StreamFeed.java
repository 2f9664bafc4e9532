package dev.maigw.gateway.stream;

import dev.maigw.gateway.message.MessageStore;
import dev.maigw.gateway.message.StoredMessage;
import dev.maigw.gateway.stream.SseFrames.Frame;
import io.micrometer.core.instrument.Counter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one stream sends: first what the store holds after the client's cursor up to the tail's
 * position when the stream joined (read page by page on a small shared pool, a page only when the
 * client has taken most of the last), then the tail's events. Events of the tail that arrive while
 * it catches up wait in a buffer; every event is sent only if its cursor is past the last one sent,
 * so the hand-over has neither gaps nor repeats.
 */
final class StreamFeed {

  private static final Logger log = LoggerFactory.getLogger(StreamFeed.class);

  private final SseConnection connection;
  private final String conversation;
  private final MessageStore store;
  private final SseFrames frames;
  private final Executor catchUps;
  private final Counter reads;
  private final StreamProperties properties;
  // All guarded by this.
  private long sent;
  private long liveFrom;
  private List<Frame> buffered = new ArrayList<>();
  private long bufferedBytes;

  StreamFeed(
      SseConnection connection,
      String conversation,
      long after,
      MessageStore store,
      SseFrames frames,
      Executor catchUps,
      Counter reads,
      StreamProperties properties) {
    this.connection = connection;
    this.conversation = conversation;
    this.sent = after;
    this.store = store;
    this.frames = frames;
    this.catchUps = catchUps;
    this.reads = reads;
    this.properties = properties;
  }

  SseConnection connection() {
    return connection;
  }

  /** Joins at the tail's position {@code position}: starts catching up to it. */
  synchronized void join(long position) {
    liveFrom = position;
    scheduleCatchUp();
  }

  /** New events from the tail, in commit order; called on the tail's thread. */
  synchronized void onLive(List<Frame> page) {
    if (buffered != null) {
      buffer(page);
      return;
    }
    for (Frame frame : page) {
      send(frame);
    }
  }

  private void buffer(List<Frame> page) {
    for (Frame frame : page) {
      if (wanted(frame)) {
        buffered.add(frame);
        bufferedBytes += frame.bytes().length;
      }
    }
    if (bufferedBytes > properties.maxQueuedBytes()
        || buffered.size() > properties.maxQueuedEvents()) {
      // A long catch-up: forget the buffer and catch up further, the store holds it all.
      liveFrom = page.get(page.size() - 1).seq();
      buffered = new ArrayList<>();
      bufferedBytes = 0;
    }
  }

  private boolean wanted(Frame frame) {
    return conversation == null || conversation.equals(frame.conversationId());
  }

  private void send(Frame frame) {
    if (frame.seq() > sent && wanted(frame) && connection.offer(frame.bytes())) {
      sent = frame.seq();
    }
  }

  private void scheduleCatchUp() {
    try {
      catchUps.execute(this::catchUpPage);
    } catch (RejectedExecutionException shuttingDown) {
      connection.close();
    }
  }

  /** Sends one page from the store, then the next once the client has room, then goes live. */
  private void catchUpPage() {
    if (connection.isClosed()) {
      return;
    }
    try {
      long from;
      synchronized (this) {
        from = sent;
        if (from >= liveFrom) {
          goLive();
          return;
        }
      }
      List<StoredMessage> page = read(from);
      List<Frame> encoded = page.stream().map(frames::message).toList();
      synchronized (this) {
        encoded.forEach(this::send);
        if (page.size() < properties.pageSize() || sent >= liveFrom) {
          goLive();
          return;
        }
      }
      connection.whenRoom(this::scheduleCatchUp);
    } catch (RuntimeException e) {
      log.warn("Stream catch-up failed, closing the stream: {}", e.toString());
      connection.close();
    }
  }

  private List<StoredMessage> read(long from) {
    reads.increment();
    return conversation == null
        ? store.messagesAfter(from, properties.pageSize())
        : store.conversationMessages(conversation, from, properties.pageSize());
  }

  private void goLive() {
    List<Frame> waiting = buffered;
    buffered = null;
    waiting.forEach(this::send);
  }
}
