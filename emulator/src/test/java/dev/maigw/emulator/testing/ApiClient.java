package dev.maigw.emulator.testing;

import dev.maigw.emulator.MaiAgentEmulator;
import dev.maigw.emulator.system.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** Calls a running emulator over real HTTP, as a MaiAgent client would. */
public final class ApiClient {
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final MaiAgentEmulator emulator;

  public ApiClient(MaiAgentEmulator emulator) {
    this.emulator = emulator;
  }

  /** An authenticated request to a path relative to the API base ({@code "conversations/"}). */
  public HttpRequest.Builder api(String relativePath) {
    return request(emulator.baseUrl().resolve(relativePath))
        .header("Authorization", "Api-Key " + emulator.apiKey());
  }

  public HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
  }

  public HttpResponse<String> postJson(String relativePath, String json) {
    return send(
        api(relativePath)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> get(String relativePath) {
    return send(api(relativePath).GET());
  }

  /** A control-API call ({@code "/_emulator/faults"}), no API key. */
  public HttpResponse<String> control(String method, String path, String json) {
    HttpRequest.BodyPublisher body =
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json);
    return send(
        request(URI.create(emulator.origin() + path))
            .header("Content-Type", "application/json")
            .method(method, body));
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static JsonNode json(HttpResponse<String> response) {
    return Json.parse(response.body());
  }

  /** Creates a conversation and returns its id. */
  public String createConversation() {
    return json(postJson("conversations/", "{\"webChat\":\"web-chat-1\"}")).get("id").asString();
  }

  /** Sends a user message and returns the receipt. */
  public JsonNode sendMessage(String conversation, String content) {
    return json(
        postJson(
            "messages/",
            Json.object().put("conversation", conversation).put("content", content).toString()));
  }
}
