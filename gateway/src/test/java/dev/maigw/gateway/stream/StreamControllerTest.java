package dev.maigw.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

  private static final HttpClient HTTP = HttpClient.newHttpClient();
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
      List<Event> events = readEvents(null, lastEventId, wanted);
      for (Event event : events) {
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

    List<Event> events = readEvents("conv-even", null, 3);

    assertThat(events).extracting(Event::messageId).containsExactly("only-0", "only-2", "only-4");
  }

  @Test
  void refusesTheStreamWithoutTheApiKey() {
    HttpResponse<String> response =
        RunningGateway.send(HttpRequest.newBuilder(URI.create(gateway.url("/api/stream"))).build());
    assertThat(response.statusCode()).isEqualTo(401);
  }

  /** Opens the stream, reads {@code count} message events (or until 10 s pass), hangs up. */
  private static List<Event> readEvents(String conversation, String lastEventId, int count)
      throws IOException, InterruptedException {
    String query = conversation == null ? "" : "?conversation=" + conversation;
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(gateway.url("/api/stream" + query)))
            .header("Authorization", "Bearer " + RunningGateway.API_KEY)
            .header("Accept", "text/event-stream");
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<InputStream> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    List<Event> events = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    try (InputStream body = response.body();
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String id = null;
      String data = null;
      String line;
      while (events.size() < count
          && System.nanoTime() < deadline
          && (line = lines.readLine()) != null) {
        if (line.startsWith("id:")) {
          id = line.substring(3).trim();
        } else if (line.startsWith("data:")) {
          data = line.substring(5).trim();
        } else if (line.isEmpty() && id != null && data != null) {
          events.add(new Event(id, messageId(data)));
          id = null;
          data = null;
        }
      }
    }
    return events;
  }

  private static String messageId(String json) {
    int start = json.indexOf("\"id\":\"") + 6;
    return json.substring(start, json.indexOf('"', start));
  }

  record Event(String id, String messageId) {}
}
