package dev.maigw.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.launchdarkly.eventsource.MessageEvent;
import dev.maigw.gateway.message.MessageStore;
import dev.maigw.gateway.message.StoredMessage;
import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * One tail feeds every stream: each gets every message once in commit order, the store sees the
 * same reads for one stream as for fifty, a client that stops reading is cut off alone, and a
 * stream's headers go out before it has anything to say.
 */
class StreamFanOutTest {

  @Test
  void everyStreamGetsEveryMessageOnceInCommitOrderIncludingOneResumingMidTraffic()
      throws Exception {
    try (RunningGateway gateway = RunningGateway.start()) {
      int total = 200;
      int streams = 50;
      ExecutorService readers = Executors.newFixedThreadPool(streams + 1);
      List<Future<List<MessageEvent>>> reads = new ArrayList<>();
      List<EventSourceClient> clients = new ArrayList<>();
      for (int i = 0; i < streams; i++) {
        EventSourceClient client = EventSourceClient.open(gateway, "", null);
        clients.add(client);
        reads.add(readers.submit(() -> client.read(total)));
      }
      post(gateway, 0, total / 2);
      // The resuming client starts from the 20th message while the rest are being stored.
      ExecutorService poster = Executors.newSingleThreadExecutor();
      Future<?> rest = poster.submit(() -> post(gateway, total / 2, total));
      String resumeAfter = firstEvents(gateway, 20).get(19).getLastEventId();
      EventSourceClient resumed = EventSourceClient.open(gateway, "", resumeAfter);
      Future<List<MessageEvent>> resumedRead = readers.submit(() -> resumed.read(total - 20));
      rest.get();

      List<String> expected = IntStream.range(0, total).mapToObj(i -> "fan-" + i).toList();
      for (Future<List<MessageEvent>> read : reads) {
        assertThat(read.get()).extracting(StreamFanOutTest::messageId).isEqualTo(expected);
        assertThat(read.get())
            .extracting(e -> Long.parseLong(e.getLastEventId()))
            .isSortedAccordingTo(Long::compare)
            .doesNotHaveDuplicates();
      }
      assertThat(resumedRead.get())
          .extracting(StreamFanOutTest::messageId)
          .isEqualTo(expected.subList(20, total));
      clients.forEach(EventSourceClient::close);
      resumed.close();
      readers.shutdownNow();
      poster.shutdown();
    }
  }

  @Test
  void theStoreSeesTheSameReadsForFiftyStreamsAsForOne() throws Exception {
    // No timed look-ups: the tail reads only when a local commit wakes it, so counts compare.
    try (RunningGateway gateway = RunningGateway.start(Map.of("maigw.tail.poll", "1h"))) {
      long oneStream = readsWhileStreaming(gateway, 1, 0);
      long fiftyStreams = readsWhileStreaming(gateway, 50, 1);

      assertThat(oneStream).isPositive();
      // Polling per stream would make it fifty times as many; one tail makes it about the same.
      assertThat(fiftyStreams).isLessThanOrEqualTo(2 * oneStream + 5);
    }
  }

  /** Store reads while {@code streams} streams each receive 40 newly stored messages. */
  private static long readsWhileStreaming(RunningGateway gateway, int streams, int round)
      throws Exception {
    String latest = latestCursor(gateway);
    List<EventSourceClient> clients = new ArrayList<>();
    for (int i = 0; i < streams; i++) {
      clients.add(EventSourceClient.open(gateway, "", latest));
    }
    ExecutorService readers = Executors.newFixedThreadPool(streams);
    List<Future<List<MessageEvent>>> reads = new ArrayList<>();
    for (EventSourceClient client : clients) {
      reads.add(readers.submit(() -> client.read(40)));
    }
    double before = tailReads(gateway);
    post(gateway, 1000 * (round + 1), 1000 * (round + 1) + 40);
    for (Future<List<MessageEvent>> read : reads) {
      assertThat(read.get()).hasSize(40);
    }
    double during = tailReads(gateway) - before;
    clients.forEach(EventSourceClient::close);
    readers.shutdownNow();
    return (long) during;
  }

  @Test
  void aClientThatStopsReadingIsCutOffWithoutStallingTheOthers() throws Exception {
    try (RunningGateway gateway =
            RunningGateway.start(
                Map.of(
                    "maigw.stream.max-queued-events", "50",
                    // Long enough that only the queue bound can end the stalled stream in time.
                    "server.jetty.connection-idle-timeout", "300s"));
        Socket stalled = new Socket()) {
      stalled.setReceiveBufferSize(4096);
      stalled.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), gateway.port()));
      OutputStream request = stalled.getOutputStream();
      request.write(streamRequest().getBytes(StandardCharsets.US_ASCII));
      request.flush();
      await().atMost(Duration.ofSeconds(10)).until(() -> openStreams(gateway) == 1);
      EventSourceClient reading = EventSourceClient.open(gateway, "", latestCursor(gateway));
      ExecutorService reader = Executors.newSingleThreadExecutor();
      int total = 300;
      Future<List<MessageEvent>> read = reader.submit(() -> reading.read(total));

      String content = "x".repeat(30_000);
      for (int i = 0; i < total; i++) {
        assertThat(gateway.postWebhook(Fixtures.reply("stall-" + i, "conv-stall", content)))
            .extracting(r -> r.statusCode())
            .isEqualTo(200);
      }

      assertThat(read.get())
          .extracting(StreamFanOutTest::messageId)
          .isEqualTo(IntStream.range(0, total).mapToObj(i -> "stall-" + i).toList());
      await().atMost(Duration.ofSeconds(30)).until(() -> openStreams(gateway) == 1);
      reading.close();
      reader.shutdownNow();
    }
  }

  @Test
  void sendsTheStatusAndHeadersBeforeAnyEventOrKeepAlive() throws Exception {
    try (RunningGateway gateway = RunningGateway.start();
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.port())) {
      socket.setSoTimeout(2_000);
      OutputStream request = socket.getOutputStream();
      request.write(streamRequest().getBytes(StandardCharsets.US_ASCII));
      request.flush();

      String head = readHead(socket.getInputStream());

      assertThat(head).startsWith("HTTP/1.1 200");
      assertThat(head.toLowerCase()).contains("content-type: text/event-stream");
    }
  }

  private static String readHead(InputStream in) throws Exception {
    StringBuilder head = new StringBuilder();
    try {
      while (!head.toString().endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        head.append((char) b);
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("No response head within 2 s, got: " + head, e);
    }
    return head.toString();
  }

  private static String streamRequest() {
    return "GET /api/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
        + "Authorization: Bearer "
        + RunningGateway.API_KEY
        + "\r\n\r\n";
  }

  private static Void post(RunningGateway gateway, int from, int to) {
    for (int i = from; i < to; i++) {
      assertThat(
              gateway.postWebhook(Fixtures.reply("fan-" + i, "conv-fan-" + (i % 7))).statusCode())
          .isEqualTo(200);
    }
    return null;
  }

  private static List<MessageEvent> firstEvents(RunningGateway gateway, int count)
      throws Exception {
    try (EventSourceClient client = EventSourceClient.open(gateway, "", null)) {
      return client.read(count);
    }
  }

  private static String latestCursor(RunningGateway gateway) {
    List<StoredMessage> all = gateway.bean(MessageStore.class).messagesAfter(0, 100_000);
    return all.isEmpty() ? "0" : Long.toString(all.get(all.size() - 1).seq());
  }

  private static double tailReads(RunningGateway gateway) {
    return gateway.bean(MeterRegistry.class).counter("maigw.stream.tail.reads").count();
  }

  private static double openStreams(RunningGateway gateway) {
    return gateway.bean(MeterRegistry.class).get("maigw.stream.open").gauge().value();
  }

  private static String messageId(MessageEvent event) {
    return SseClient.messageId(event.getData());
  }
}
