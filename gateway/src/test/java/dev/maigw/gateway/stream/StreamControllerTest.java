package dev.maigw.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live stream over real HTTP: every message exactly once, in commit order, across reconnects.
 */
class StreamControllerTest {

  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    gateway = RunningGateway.start();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void deliversEveryMessageOnceAcrossDisconnectsAtRandomPoints() throws Exception {
    int total = 300;
    ExecutorService poster = Executors.newSingleThreadExecutor();
    Future<?> posting =
        poster.submit(
            () -> {
              for (int i = 0; i < total; i++) {
                gateway.postWebhook(Fixtures.reply("sse-" + i, "conv-sse-" + (i % 7)));
              }
            });
    long seed = System.nanoTime();
    Random random = new Random(seed);
    List<String> received = new ArrayList<>();
    String lastEventId = null;
    int reconnects = 0;
    // Other tests may add messages to the same stream; this one checks its own, in order.
    while (received.stream().filter(id -> id.startsWith("sse-")).count() < total
        && reconnects < 300) {
      // Read a random number of events, then hang up and come back with Last-Event-ID.
      long ownSoFar = received.stream().filter(id -> id.startsWith("sse-")).count();
      int wanted = (int) Math.min(1 + random.nextInt(40), total - ownSoFar);
      List<SseClient.Event> events = SseClient.read(gateway, null, lastEventId, wanted);
      for (SseClient.Event event : events) {
        received.add(event.messageId());
        lastEventId = event.id();
      }
      reconnects++;
    }
    posting.get();
    poster.shutdown();

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      expected.add("sse-" + i);
    }
    assertThat(received).as("seed %d", seed).doesNotHaveDuplicates();
    assertThat(received.stream().filter(id -> id.startsWith("sse-")).toList())
        .as("seed %d, %d reconnects", seed, reconnects)
        .isEqualTo(expected);
  }

  @Test
  void streamsOnlyTheAskedConversation() throws Exception {
    for (int i = 0; i < 6; i++) {
      gateway.postWebhook(Fixtures.reply("only-" + i, i % 2 == 0 ? "conv-even" : "conv-odd"));
    }

    List<SseClient.Event> events = SseClient.read(gateway, "conv-even", null, 3);

    assertThat(events)
        .extracting(SseClient.Event::messageId)
        .containsExactly("only-0", "only-2", "only-4");
  }

  @Test
  void dropsAClientThatStopsReadingWhileTheIntakeCarriesOn() throws Exception {
    try (RunningGateway single =
            RunningGateway.start(
                Map.of(
                    "maigw.stream.max-streams", "1",
                    "server.jetty.connection-idle-timeout", "1s"));
        Socket stalled = new Socket()) {
      // A client that asks for the stream and then never reads a byte.
      stalled.setReceiveBufferSize(4096);
      stalled.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), single.port()));
      OutputStream request = stalled.getOutputStream();
      request.write(
          ("GET /api/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                  + "Authorization: Bearer "
                  + RunningGateway.API_KEY
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      request.flush();
      await().atMost(Duration.ofSeconds(10)).until(() -> streamStatus(single) == 503);

      // Far more than the socket buffers hold, so the stalled stream's writes block.
      String content = "x".repeat(30_000);
      for (int i = 0; i < 300; i++) {
        assertThat(single.postWebhook(Fixtures.reply("slow-" + i, "conv-slow", content)))
            .extracting(HttpResponse::statusCode)
            .isEqualTo(200);
      }

      // The stalled stream is cut off (its queue overflows, or a blocked write runs into the idle
      // timeout): the stream ends and its slot is free again.
      await().atMost(Duration.ofSeconds(30)).until(() -> streamStatus(single) == 200);
    }
  }

  @Test
  void refusesTheStreamWithoutTheApiKey() {
    HttpResponse<String> response =
        RunningGateway.send(HttpRequest.newBuilder(URI.create(gateway.url("/api/stream"))).build());
    assertThat(response.statusCode()).isEqualTo(401);
  }

  /** The status a new stream request gets; a stream that opens is closed again at once. */
  private static int streamStatus(RunningGateway target) throws Exception {
    HttpResponse<java.io.InputStream> response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(target.url("/api/stream")))
                    .header("Authorization", "Bearer " + RunningGateway.API_KEY)
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    response.body().close();
    return response.statusCode();
  }
}
