package dev.maigw.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

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

/** A minimal client of {@code GET /api/stream} for tests. */
final class SseClient {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  record Event(String id, String messageId) {}

  private SseClient() {}

  /** Opens the stream, reads {@code count} message events (or until 10 s pass), hangs up. */
  static List<Event> read(
      RunningGateway gateway, String conversation, String lastEventId, int count)
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

  static String messageId(String json) {
    int start = json.indexOf("\"id\":\"") + 6;
    return json.substring(start, json.indexOf('"', start));
  }
}
