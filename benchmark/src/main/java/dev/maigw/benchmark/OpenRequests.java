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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Thousands of HTTP/1.1 requests held open at once on one thread: one non-blocking socket each,
 * {@code Connection: close}, the response read until the server closes. A pooled HTTP client cannot
 * do this cheaply (one thread or one connection slot per open request).
 */
final class OpenRequests implements AutoCloseable {

  /** One request's outcome: the HTTP status (0 when it failed) and the response body. */
  record Outcome(int status, String body, String error) {}

  private final Selector selector;
  private final InetSocketAddress server;
  private final List<Exchange> exchanges = new ArrayList<>();
  private final CountDownLatch finished;
  private final Thread loop;
  private int started;

  OpenRequests(InetSocketAddress server, List<byte[]> requests) throws IOException {
    this.selector = Selector.open();
    this.server = server;
    this.finished = new CountDownLatch(requests.size());
    for (byte[] request : requests) {
      exchanges.add(new Exchange(request));
    }
    this.loop = new Thread(this::run, "open-requests");
    this.loop.setDaemon(true);
  }

  /** An HTTP/1.1 request with {@code Connection: close}. */
  static byte[] request(String method, String host, String target, String apiKey, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String head =
        method
            + " "
            + target
            + " HTTP/1.1\r\nHost: "
            + host
            + "\r\nAuthorization: Bearer "
            + apiKey
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length
            + "\r\nConnection: close\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, all, 0, headBytes.length);
    System.arraycopy(body, 0, all, headBytes.length, body.length);
    return all;
  }

  /** Starts the answer loop; requests are then sent by {@link #openNext}. */
  void start() {
    loop.start();
  }

  /** Sends the next {@code count} requests, each on a connection of its own. */
  void openNext(int count) {
    int from = started;
    started = Math.min(exchanges.size(), started + count);
    for (Exchange exchange : exchanges.subList(from, started)) {
      exchange.pending = true;
    }
    selector.wakeup();
  }

  /** Requests sent so far. */
  int started() {
    return started;
  }

  /** Requests still waiting for their answer. */
  long open() {
    return finished.getCount();
  }

  /** Requests answered (or failed) so far. */
  long answered() {
    return exchanges.size() - finished.getCount();
  }

  /** Waits for every answer; false when {@code seconds} passed first. */
  boolean awaitAll(long seconds) throws InterruptedException {
    return finished.await(seconds, TimeUnit.SECONDS);
  }

  List<Outcome> outcomes() {
    return exchanges.stream().map(Exchange::outcome).toList();
  }

  private void run() {
    try {
      while (finished.getCount() > 0 && !Thread.currentThread().isInterrupted()) {
        startPending();
        selector.select(100);
        for (SelectionKey key : selector.selectedKeys()) {
          ((Exchange) key.attachment()).onReady(key);
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException e) {
      throw new BenchmarkException("The open-requests loop failed", e);
    }
  }

  private void startPending() {
    for (Exchange exchange : exchanges) {
      if (exchange.pending && exchange.channel == null) {
        exchange.start();
      }
    }
  }

  @Override
  public void close() throws IOException {
    loop.interrupt();
    for (Exchange exchange : exchanges) {
      exchange.closeQuietly();
    }
    selector.close();
  }

  private final class Exchange {
    private final ByteBuffer request;
    private final java.io.ByteArrayOutputStream response = new java.io.ByteArrayOutputStream();
    private final ByteBuffer buffer = ByteBuffer.allocate(8192);
    private volatile boolean pending;
    private SocketChannel channel;
    private volatile Outcome outcome;

    Exchange(byte[] request) {
      this.request = ByteBuffer.wrap(request);
    }

    Outcome outcome() {
      return outcome == null ? new Outcome(0, "", "still open") : outcome;
    }

    void start() {
      try {
        channel = SocketChannel.open();
        channel.configureBlocking(false);
        if (channel.connect(server)) {
          channel.register(selector, SelectionKey.OP_WRITE, this);
        } else {
          channel.register(selector, SelectionKey.OP_CONNECT, this);
        }
      } catch (IOException e) {
        fail(e);
      }
    }

    void onReady(SelectionKey key) {
      try {
        if (key.isConnectable() && channel.finishConnect()) {
          key.interestOps(SelectionKey.OP_WRITE);
        } else if (key.isWritable()) {
          channel.write(request);
          if (!request.hasRemaining()) {
            key.interestOps(SelectionKey.OP_READ);
          }
        } else if (key.isReadable()) {
          read(key);
        }
      } catch (IOException e) {
        key.cancel();
        fail(e);
      }
    }

    private void read(SelectionKey key) throws IOException {
      buffer.clear();
      int n = channel.read(buffer);
      if (n > 0) {
        response.write(buffer.array(), 0, n);
      } else if (n < 0) {
        key.cancel();
        closeQuietly();
        finish(parse(response.toString(StandardCharsets.UTF_8)));
      }
    }

    private Outcome parse(String text) {
      int space = text.indexOf(' ');
      int headEnd = text.indexOf("\r\n\r\n");
      if (!text.startsWith("HTTP/1.1 ") || space < 0 || headEnd < 0) {
        return new Outcome(0, text, "no HTTP response");
      }
      int status = Integer.parseInt(text.substring(space + 1, space + 4));
      return new Outcome(status, text.substring(headEnd + 4), null);
    }

    private void fail(IOException e) {
      closeQuietly();
      finish(new Outcome(0, "", e.toString()));
    }

    private void finish(Outcome result) {
      if (outcome == null) {
        outcome = result;
        finished.countDown();
      }
    }

    void closeQuietly() {
      try {
        if (channel != null) {
          channel.close();
        }
      } catch (IOException e) {
        // Closing after the answer or a failure; nothing more to do.
      }
    }
  }
}
