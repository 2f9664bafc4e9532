package dev.maigw.gateway.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.emulator.EmulatorConfig;
import dev.maigw.emulator.MaiAgentEmulator;
import dev.maigw.gateway.support.RunningGateway;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A gateway and the MaiAgent emulator wired to each other on loopback, for the bridge's end-to-end
 * tests: the gateway calls the emulator's API and the emulator posts replies to the gateway.
 */
public final class BridgeLoop implements AutoCloseable {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  public final MaiAgentEmulator emulator;
  public final RunningGateway gateway;

  private BridgeLoop(MaiAgentEmulator emulator, RunningGateway gateway) {
    this.emulator = emulator;
    this.gateway = gateway;
  }

  /** Starts both; {@code extra} adds or overrides gateway properties. */
  public static BridgeLoop start(Map<String, String> extra, Class<?>... sources) {
    int port = RunningGateway.freePort();
    MaiAgentEmulator emulator =
        MaiAgentEmulator.start(
            EmulatorConfig.defaults()
                .withPort(0)
                .withReplyDelay(Duration.ofMillis(50))
                // Retries reach past a gateway restart, which can take seconds on a busy machine.
                .withRetryDelays(
                    Duration.ofMillis(300),
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(10))
                .withWebhookUrl("http://127.0.0.1:" + port + "/maiagent/webhook"));
    Map<String, String> properties = new HashMap<>();
    properties.put("server.port", Integer.toString(port));
    properties.put("maigw.bridge.base-url", emulator.baseUrl().toString());
    properties.put("maigw.bridge.api-key", emulator.apiKey());
    properties.put("maigw.bridge.web-chat-id", "web-chat-1");
    properties.put("maigw.storage.busy-timeout", "300ms");
    properties.putAll(extra);
    return new BridgeLoop(emulator, RunningGateway.startWith(properties, sources));
  }

  public String createConversation() {
    HttpResponse<String> response = gateway.postApi("/api/conversations", "{}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body()).get("id").asString();
  }

  public HttpResponse<String> send(String conversation, String text, int waitSeconds) {
    return send(conversation, text, waitSeconds, null);
  }

  /** POSTs a send, with {@code Idempotency-Key} unless {@code key} is null. */
  HttpResponse<String> send(String conversation, String text, int waitSeconds, String key) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(
                    gateway.url(
                        "/api/conversations/" + conversation + "/messages?wait=" + waitSeconds)))
            .timeout(Duration.ofSeconds(waitSeconds + 30L))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + RunningGateway.API_KEY)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    JSON.writeValueAsString(Map.of("content", text)), StandardCharsets.UTF_8));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return RunningGateway.send(request.build());
  }

  public JsonNode sendView(String sendId) {
    HttpResponse<String> response = gateway.getApi("/api/sends/" + sendId);
    return JSON.readTree(response.body());
  }

  /** The status of the conversation's latest send, read straight from the SQLite file. */
  public String latestStatus(String conversation) throws java.sql.SQLException {
    try (java.sql.Connection db =
            java.sql.DriverManager.getConnection("jdbc:sqlite:" + gateway.sqliteFile());
        java.sql.PreparedStatement query =
            db.prepareStatement(
                "SELECT status FROM sends WHERE conversation_id = ?"
                    + " ORDER BY queue_position DESC LIMIT 1")) {
      query.setString(1, conversation);
      try (java.sql.ResultSet rs = query.executeQuery()) {
        return rs.next() ? rs.getString(1) : "";
      }
    }
  }

  /**
   * An AI reply webhook for {@code conversation} created at {@code createdAt}, as MaiAgent sends
   * it.
   */
  static byte[] replyBody(
      String id, String conversation, String content, java.time.Instant createdAt) {
    return JSON.writeValueAsBytes(
        Map.of(
            "id",
            id,
            "conversation",
            conversation,
            "sender",
            Map.of("id", 1042, "name", "客服小幫手", "avatar", ""),
            "type",
            "outgoing",
            "content",
            content,
            "createdAt",
            Long.toString(createdAt.toEpochMilli()),
            "attachments",
            java.util.List.of(),
            "citations",
            java.util.List.of()));
  }

  /** Requests MaiAgent received to create messages. */
  long messagesPosted() {
    return emulator.requests().stream()
        .filter(r -> r.method().equals("POST") && r.target().endsWith("/messages/"))
        .count();
  }

  @Override
  public void close() {
    gateway.close();
    emulator.close();
  }
}
