package dev.maigw.benchmark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many SSE streams read on one thread: a non-blocking socket each, an HTTP/1.0 request (so the
 * response is not chunked and ends when the server closes), and the bytes scanned for each event's
 * end without decoding them into strings. An HTTP client library costs far more per event than the
 * gateway does to write it, and on a two-core machine that cost would be measured as the gateway's
 * lag.
 */
final class SseSockets implements AutoCloseable {

  /** Told of each complete event (the bytes between two blank lines), on the reading thread. */
  interface EventSink {
    void onEvent(byte[] buffer, int from, int to, long readAtNanos);
  }

  private final Selector selector;
  private final List<Stream> streams = new ArrayList<>();
  private final AtomicInteger refused = new AtomicInteger();
  private final EventSink sink;
  private final Thread loop;
  private volatile boolean running = true;

  /**
   * Connects {@code count} streams to {@code server}, each sending {@code request}; reading starts
   * at once.
   */
  SseSockets(InetSocketAddress server, byte[] request, int count, EventSink sink)
      throws IOException {
    this.selector = Selector.open();
    this.sink = sink;
    for (int i = 0; i < count; i++) {
      SocketChannel channel = SocketChannel.open();
      channel.configureBlocking(false);
      Stream stream = new Stream(channel, ByteBuffer.wrap(request));
      channel.connect(server);
      channel.register(selector, SelectionKey.OP_CONNECT, stream);
      streams.add(stream);
    }
    this.loop = new Thread(this::run, "sse-sockets");
    this.loop.setDaemon(true);
    this.loop.start();
  }

  /** An HTTP/1.0 stream request after {@code cursor}. */
  static byte[] request(String host, String apiKey, String cursor) {
    return ("GET /api/stream HTTP/1.0\r\nHost: "
            + host
            + "\r\nAccept: text/event-stream\r\nAuthorization: Bearer "
            + apiKey
            + "\r\nLast-Event-ID: "
            + cursor
            + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** Streams whose response was not 200, or whose connection failed. */
  int refused() {
    return refused.get();
  }

  private void run() {
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    try {
      while (running) {
        selector.select(100);
        for (SelectionKey key : selector.selectedKeys()) {
          ((Stream) key.attachment()).onReady(key, buffer);
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException | RuntimeException e) {
      if (running) {
        throw new BenchmarkException("The stream reading loop failed", e);
      }
    }
  }

  /** Hangs up every stream. */
  @Override
  public void close() throws IOException {
    running = false;
    selector.wakeup();
    try {
      loop.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Stream stream : streams) {
      stream.channel.close();
    }
    selector.close();
  }

  private final class Stream {
    private final SocketChannel channel;
    private final ByteBuffer request;
    // Bytes read but not yet part of a complete event (or of the response head).
    private byte[] pending = new byte[8192];
    private int pendingLength;
    private boolean headRead;

    Stream(SocketChannel channel, ByteBuffer request) {
      this.channel = channel;
      this.request = request;
    }

    void onReady(SelectionKey key, ByteBuffer buffer) {
      try {
        if (key.isConnectable() && channel.finishConnect()) {
          key.interestOps(SelectionKey.OP_WRITE);
        } else if (key.isWritable()) {
          channel.write(request);
          if (!request.hasRemaining()) {
            key.interestOps(SelectionKey.OP_READ);
          }
        } else if (key.isReadable()) {
          read(key, buffer);
        }
      } catch (IOException e) {
        key.cancel();
        if (!headRead) {
          refused.incrementAndGet();
        }
      }
    }

    private void read(SelectionKey key, ByteBuffer buffer) throws IOException {
      buffer.clear();
      int n = channel.read(buffer);
      if (n < 0) {
        key.cancel();
        channel.close();
        if (!headRead) {
          refused.incrementAndGet();
        }
        return;
      }
      long now = System.nanoTime();
      append(buffer.array(), n);
      int consumed = headRead ? 0 : readHead();
      if (headRead) {
        consumed = events(consumed, now);
      }
      System.arraycopy(pending, consumed, pending, 0, pendingLength - consumed);
      pendingLength -= consumed;
    }

    private void append(byte[] bytes, int n) {
      if (pendingLength + n > pending.length) {
        pending = java.util.Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + n));
      }
      System.arraycopy(bytes, 0, pending, pendingLength, n);
      pendingLength += n;
    }

    /** Checks the status line once the head is complete; returns the bytes it took. */
    private int readHead() throws IOException {
      int end = indexOf(0, (byte) '\r', (byte) '\n', (byte) '\r', (byte) '\n');
      if (end < 0) {
        return 0;
      }
      String status = new String(pending, 0, Math.min(12, end), StandardCharsets.US_ASCII);
      if (!status.endsWith(" 200")) {
        refused.incrementAndGet();
        channel.close();
        return pendingLength;
      }
      headRead = true;
      return end + 4;
    }

    /** Hands every complete event from {@code from} to the sink; returns where the rest begins. */
    private int events(int from, long now) {
      int start = from;
      for (int end = indexOf(start, (byte) '\n', (byte) '\n');
          end >= 0;
          end = indexOf(start, (byte) '\n', (byte) '\n')) {
        sink.onEvent(pending, start, end, now);
        start = end + 2;
      }
      return start;
    }

    private int indexOf(int from, byte... sequence) {
      outer:
      for (int i = from; i + sequence.length <= pendingLength; i++) {
        for (int j = 0; j < sequence.length; j++) {
          if (pending[i + j] != sequence[j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }
}
