package dev.maigw.benchmark;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Clock;
import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The loop of one connection: send a request, read the response, record it; until the scenario's
 * end time. It owns a blocking keep-alive socket and reconnects when the server closes it.
 * Latencies of requests intended at or after the warm-up end go into this worker's own histogram;
 * acknowledgements are recorded for every request.
 */
final class LoadWorker implements Runnable {

  static final long HIGHEST_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(1);
  private static final int SOCKET_TIMEOUT_MILLIS = 10_000;
  private static final int CONNECT_TIMEOUT_MILLIS = 2_000;
  private static final long ERROR_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private final Scenario scenario;
  private final int connection;
  private final WebhookRequestTemplate template;
  private final LoadWindow window;
  private final Clock clock;

  private final Histogram latencyMicros = new Histogram(HIGHEST_LATENCY_MICROS, 3);
  private final BitSet acknowledged = new BitSet();
  private long sent;
  private long measured;
  private long non200;
  private long ioErrors;
  private long connects;
  private String firstError;

  private volatile Socket socket;
  private OutputStream out;
  private HttpResponseReader reader;

  LoadWorker(
      Scenario scenario,
      int connection,
      WebhookRequestTemplate template,
      LoadWindow window,
      Clock clock) {
    this.scenario = scenario;
    this.connection = connection;
    this.template = template;
    this.window = window;
    this.clock = clock;
  }

  @Override
  public void run() {
    try {
      loop();
    } finally {
      closeSocket();
    }
  }

  private void loop() {
    byte[] request = template.newRequest();
    long interval = 0;
    long firstIntended = window.startNanos();
    if (scenario.load() instanceof Load.FixedRate rate) {
      interval = rate.intervalNanos();
      // Stagger the connections so the total rate is even, not bursts of one per connection.
      firstIntended += interval * connection / rate.connections();
    }
    parkUntil(firstIntended);
    for (long seq = 0; seq < RequestIds.SEQUENCES_PER_CONNECTION; seq++) {
      long now = System.nanoTime();
      long intended = interval == 0 ? now : firstIntended + seq * interval;
      if (now >= window.endNanos() || intended >= window.endNanos()) {
        return;
      }
      parkUntil(intended);
      template.fill(request, RequestIds.number(scenario.index(), connection, seq), clock.millis());
      sent = seq + 1;
      int status = exchange(request);
      long done = System.nanoTime();
      if (status == 200) {
        acknowledged.set((int) seq);
      }
      if (intended >= window.warmupEndNanos()) {
        record(status, done - intended);
      }
      if (status < 0) {
        parkUntil(Math.min(System.nanoTime() + ERROR_BACKOFF_NANOS, window.endNanos()));
      }
    }
  }

  private void record(int status, long latencyNanos) {
    measured++;
    if (status < 0) {
      ioErrors++;
      return;
    }
    if (status != 200) {
      non200++;
    }
    long micros = Math.max(1, TimeUnit.NANOSECONDS.toMicros(latencyNanos));
    latencyMicros.recordValue(Math.min(micros, HIGHEST_LATENCY_MICROS));
  }

  /** Sends one request and reads its response; returns the status, or -1 on a failure. */
  private int exchange(byte[] request) {
    try {
      if (socket == null) {
        connect();
      }
      out.write(request);
      int status = reader.read();
      if (reader.closeRequested()) {
        closeSocket();
      }
      return status;
    } catch (IOException | BenchmarkException e) {
      // The loop boundary: the failure is counted and its first message kept for the report.
      if (firstError == null) {
        firstError = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
      closeSocket();
      return -1;
    }
  }

  private void connect() throws IOException {
    Socket opened = new Socket();
    socket = opened;
    connects++;
    opened.setTcpNoDelay(true);
    opened.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
    opened.connect(scenario.target().socketAddress(), CONNECT_TIMEOUT_MILLIS);
    out = opened.getOutputStream();
    reader = new HttpResponseReader(opened.getInputStream());
  }

  /** Closes the socket; safe to call from another thread to unblock a read. */
  void closeSocket() {
    Socket current = socket;
    socket = null;
    if (current != null) {
      try {
        current.close();
      } catch (IOException e) {
        // Nothing is left to do with a socket that fails to close; the next request reconnects.
        if (firstError == null) {
          firstError = "close failed: " + e.getMessage();
        }
      }
    }
  }

  private static void parkUntil(long deadlineNanos) {
    for (long wait = deadlineNanos - System.nanoTime();
        wait > 0;
        wait = deadlineNanos - System.nanoTime()) {
      LockSupport.parkNanos(wait);
    }
  }

  Histogram latencyMicros() {
    return latencyMicros;
  }

  ConnectionLog log() {
    return new ConnectionLog(scenario.index(), connection, sent, acknowledged);
  }

  long measured() {
    return measured;
  }

  long non200() {
    return non200;
  }

  long ioErrors() {
    return ioErrors;
  }

  long connects() {
    return connects;
  }

  String firstError() {
    return firstError;
  }
}
