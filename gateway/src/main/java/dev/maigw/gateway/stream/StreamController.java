package dev.maigw.gateway.stream;

import dev.maigw.gateway.message.MessageSignals;
import dev.maigw.gateway.message.MessageStore;
import dev.maigw.gateway.message.StoredMessage;
import dev.maigw.gateway.query.MessageView;
import dev.maigw.gateway.system.DaemonThreads;
import dev.maigw.gateway.system.GatewayException;
import dev.maigw.gateway.system.Problem;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/stream[?conversation=…][&after=…]}: every stored message as an SSE event {@code
 * message} whose {@code id} is its commit cursor, starting after {@code Last-Event-ID} (or {@code
 * after}), so a client that reconnects with the last id it saw gets every later message exactly
 * once, in commit order.
 */
@RestController
class StreamController implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(StreamController.class);

  private final MessageStore messages;
  private final MessageSignals signals;
  private final StreamProperties properties;
  private final Semaphore slots;
  private final ExecutorService streams;
  private volatile boolean open;

  StreamController(MessageStore messages, MessageSignals signals, StreamProperties properties) {
    this.messages = messages;
    this.signals = signals;
    this.properties = properties;
    this.slots = new Semaphore(properties.maxStreams());
    this.streams = Executors.newCachedThreadPool(DaemonThreads.named("sse-stream"));
  }

  @GetMapping(path = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter stream(
      @RequestParam(required = false) String conversation,
      @RequestParam(required = false) String after,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
    long cursor = cursor(lastEventId != null ? lastEventId : after);
    if (!slots.tryAcquire()) {
      throw new GatewayException(
          Problem.STREAMS_FULL, "Too many open streams (" + properties.maxStreams() + ").");
    }
    SseEmitter emitter = new SseEmitter(0L);
    try {
      streams.execute(() -> pump(emitter, conversation, cursor));
    } catch (RuntimeException e) {
      slots.release();
      throw e;
    }
    return emitter;
  }

  /** Sends pages of messages while there are any, then waits for the next commit. */
  private void pump(SseEmitter emitter, String conversation, long startAfter) {
    long cursor = startAfter;
    long lastSent = System.nanoTime();
    try {
      while (open) {
        long version = signals.version();
        List<StoredMessage> page = page(conversation, cursor);
        for (StoredMessage message : page) {
          emitter.send(
              SseEmitter.event()
                  .id(Long.toString(message.seq()))
                  .name("message")
                  .data(MessageView.of(message), MediaType.APPLICATION_JSON));
          cursor = message.seq();
        }
        if (!page.isEmpty()) {
          lastSent = System.nanoTime();
          continue;
        }
        if (System.nanoTime() - lastSent >= properties.heartbeat().toNanos()) {
          emitter.send(SseEmitter.event().comment("keep-alive"));
          lastSent = System.nanoTime();
        }
        // Wake on a local commit, or after a second to see commits of other instances.
        signals.awaitChange(version, Duration.ofSeconds(1));
      }
      emitter.complete();
    } catch (IOException | IllegalStateException gone) {
      // The client went away (or the write timed out): end the request so it is not left open.
      emitter.completeWithError(gone);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      emitter.complete();
    } catch (RuntimeException e) {
      log.warn("Stream stopped: {}", e.toString());
      emitter.completeWithError(e);
    } finally {
      slots.release();
    }
  }

  private List<StoredMessage> page(String conversation, long cursor) {
    return conversation == null
        ? messages.messagesAfter(cursor, properties.pageSize())
        : messages.conversationMessages(conversation, cursor, properties.pageSize());
  }

  private static long cursor(String text) {
    if (text == null || text.isBlank()) {
      return 0;
    }
    try {
      long value = Long.parseLong(text.trim());
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new GatewayException(Problem.INVALID_CURSOR, "Last-Event-ID or after is not a cursor.");
  }

  @Override
  public void start() {
    open = true;
  }

  /**
   * Ends every stream first on shutdown (highest phase), so the web server's graceful shutdown is
   * not held up by connections that never finish on their own.
   */
  @Override
  public void stop() {
    open = false;
    streams.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return open && !streams.isShutdown();
  }

  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE;
  }
}
