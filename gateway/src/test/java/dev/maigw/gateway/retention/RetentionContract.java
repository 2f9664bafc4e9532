package dev.maigw.gateway.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.maigw.gateway.storage.GroupCommitWriter;
import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import dev.maigw.gateway.support.ScriptedReceiver;
import dev.maigw.gateway.support.SettableClock;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the retention purge must do on every database; subclasses only say which. One gateway with a
 * settable clock serves every test, so each test works on its own ids and moves time forward from
 * wherever the previous one left it. The schedule is far off: every run is the test's own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RetentionContract {

  static final Duration MESSAGES = Duration.ofDays(30);
  static final Duration HISTORY = Duration.ofDays(10);
  static final int BATCH = 3;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  RunningGateway gateway;
  SettableClock clock;
  RetentionPurger purger;
  JdbcClient reader;
  ScriptedReceiver receiver;

  /** Starts a gateway on the database under test with {@code properties}. */
  abstract RunningGateway startGateway(Map<String, String> properties);

  @BeforeAll
  void start() {
    receiver = new ScriptedReceiver();
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("maigw.retention.messages", "30d");
    properties.put("maigw.retention.deliveries", "10d");
    properties.put("maigw.retention.sends", "10d");
    properties.put("maigw.retention.quarantine", "10d");
    properties.put("maigw.retention.first-run-after", "3650d");
    properties.put("maigw.retention.batch-size", Integer.toString(BATCH));
    properties.put("maigw.retention.batch-pause", "0ms");
    properties.put("maigw.delivery.forward-allow", "127.0.0.1/32");
    properties.put("maigw.delivery.retry-schedule", "0s,1000d");
    properties.put("maigw.delivery.jitter", "0");
    gateway = startGateway(properties);
    clock = gateway.bean(SettableClock.class);
    purger = gateway.bean(RetentionPurger.class);
    reader = gateway.bean(JdbcClient.class);
  }

  @AfterAll
  void stop() {
    gateway.close();
    receiver.close();
  }

  @Test
  void purgesAMessageOnlyOnceItsRetentionHasPassed() {
    assertThat(post(Fixtures.reply("age-1", "conv-age"))).isEqualTo("stored");

    clock.advance(MESSAGES.minusMinutes(1));
    purger.runOnce();
    assertThat(messageStatus("age-1")).as("inside the retention").isEqualTo(200);

    clock.advance(Duration.ofMinutes(2));
    PurgeRun run = purger.runOnce();
    assertThat(messageStatus("age-1")).isEqualTo(404);
    assertThat(run.purged().get("messages")).isPositive();
    assertThat(count("SELECT COUNT(*) FROM message_tombstones WHERE message_id = ?", "age-1"))
        .isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM conversations WHERE conversation_id = ?", "conv-age"))
        .as("a conversation left without messages goes too")
        .isZero();
    JsonNode status = JSON.readTree(gateway.getApi("/api/retention").body());
    assertThat(status.get("messages").asString()).isEqualTo("PT720H");
    assertThat(status.get("tombstoneWindow").asString()).isEqualTo("PT888H");
    assertThat(status.get("lastRun").get("purged").get("messages").asLong()).isPositive();
  }

  @Test
  void aRetryOfAPurgedIdIsADuplicateThatStoresNothingAndDeliversNothing() {
    String target = createTarget(receiver.url(200), "conv-retry");
    byte[] body = Fixtures.reply("retry-1", "conv-retry");
    assertThat(post(body)).isEqualTo("stored");
    await().atMost(Duration.ofSeconds(20)).until(() -> "delivered".equals(onlyStatus(target)));

    clock.advance(MESSAGES.plusHours(1));
    purger.runOnce();
    assertThat(messageStatus("retry-1")).isEqualTo(404);
    assertThat(deliveries(target)).as("its finished delivery went with it").isEmpty();

    assertThat(post(body)).isEqualTo("duplicate");
    assertThat(post(Fixtures.reply("retry-1", "conv-retry", "another body"))).isEqualTo("conflict");
    assertThat(messageStatus("retry-1")).as("stored nothing").isEqualTo(404);
    assertThat(deliveries(target)).as("recorded no delivery").isEmpty();
  }

  @Test
  void keepsAMessageWhileOneOfItsDeliveriesIsPending() {
    String failing = createTarget(receiver.url(500), "conv-pending");
    assertThat(post(Fixtures.reply("pending-1", "conv-pending"))).isEqualTo("stored");
    await().atMost(Duration.ofSeconds(20)).until(() -> attemptsOfOnly(failing) == 1);

    clock.advance(MESSAGES.plusDays(1));
    purger.runOnce();

    assertThat(messageStatus("pending-1")).isEqualTo(200);
    assertThat(onlyStatus(failing)).isEqualTo("pending");
  }

  @Test
  void purgesFinishedDeliveriesAndTheirAttemptsAfterTheirOwnRetention() {
    String target = createTarget(receiver.url(200), "conv-delivered");
    assertThat(post(Fixtures.reply("delivered-1", "conv-delivered"))).isEqualTo("stored");
    await().atMost(Duration.ofSeconds(20)).until(() -> "delivered".equals(onlyStatus(target)));
    String deliveryId = deliveries(target).get(0).get("id").asString();

    clock.advance(HISTORY.minusHours(1));
    purger.runOnce();
    assertThat(deliveries(target)).hasSize(1);

    clock.advance(Duration.ofHours(2));
    purger.runOnce();
    assertThat(deliveries(target)).isEmpty();
    assertThat(count("SELECT COUNT(*) FROM delivery_attempts WHERE delivery_id = ?", deliveryId))
        .isZero();
    assertThat(messageStatus("delivered-1")).as("the message has its own retention").isEqualTo(200);
  }

  @Test
  void deletesAtMostTheBatchSizeInOneWrite() {
    clock.advance(MESSAGES.plusDays(1));
    purger.runOnce(); // whatever earlier tests left is old now: purge it first
    for (int i = 0; i < 7; i++) {
      post(Fixtures.reply("batch-" + i, "conv-batch"));
    }
    clock.advance(MESSAGES.plusDays(1));
    long now = clock.millis();

    PurgeBatch first =
        gateway
            .bean(GroupCommitWriter.class)
            .write(
                MessagePurge.batch(
                    now - MESSAGES.toMillis(), Long.MIN_VALUE, Long.MIN_VALUE, BATCH, now));

    assertThat(first.selected()).isEqualTo(BATCH);
    assertThat(first.purged().get(PurgeKind.MESSAGES)).isEqualTo(BATCH);
    assertThat(count("SELECT COUNT(*) FROM messages WHERE conversation_id = ?", "conv-batch"))
        .isEqualTo(7 - BATCH);
    PurgeRun rest = purger.runOnce();
    assertThat(count("SELECT COUNT(*) FROM messages WHERE conversation_id = ?", "conv-batch"))
        .isZero();
    assertThat(rest.purged().get("messages")).isEqualTo(7 - BATCH);
    assertThat(rest.batches())
        .as("4 messages in batches of 3, then the other kinds")
        .isGreaterThan(2);
  }

  @Test
  void aTombstoneDeduplicatesForTheRetentionPlusSevenDaysThenGoes() {
    byte[] body = Fixtures.reply("tomb-1", "conv-tomb");
    post(body);
    clock.advance(MESSAGES.plusDays(1));
    purger.runOnce();
    assertThat(messageStatus("tomb-1")).isEqualTo(404);

    clock.advance(Duration.ofDays(6).minusHours(1)); // received + 37 d - 1 h
    purger.runOnce();
    assertThat(post(body)).isEqualTo("duplicate");

    clock.advance(Duration.ofHours(2)); // received + 37 d + 1 h
    purger.runOnce();
    assertThat(count("SELECT COUNT(*) FROM message_tombstones WHERE message_id = ?", "tomb-1"))
        .isZero();
    assertThat(post(body)).as("past the dedupe window it is new").isEqualTo("stored");
  }

  @Test
  void purgesQuarantinedBodiesAfterTheirRetention() {
    HttpResponse<String> refused =
        gateway.postWebhook("{\"id\":\"cut-off".getBytes(StandardCharsets.UTF_8));
    long id = JSON.readTree(refused.body()).get("quarantineId").asLong();

    clock.advance(HISTORY.minusHours(1));
    purger.runOnce();
    assertThat(gateway.getApi("/api/quarantine/" + id).statusCode()).isEqualTo(200);

    clock.advance(Duration.ofHours(2));
    purger.runOnce();
    assertThat(gateway.getApi("/api/quarantine/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void purgesFinishedSendsAndKeepsAConversationWithAnOpenSend() {
    post(Fixtures.reply("open-1", "conv-open"));
    insertSend("send-done", "conv-done", "replied");
    insertSend("send-open", "conv-open", "sent");

    clock.advance(MESSAGES.plusDays(1));
    purger.runOnce();
    assertThat(messageStatus("open-1")).isEqualTo(404);
    assertThat(count("SELECT COUNT(*) FROM sends WHERE send_id = ?", "send-done")).isZero();
    assertThat(count("SELECT COUNT(*) FROM sends WHERE send_id = ?", "send-open")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM conversations WHERE conversation_id = ?", "conv-open"))
        .as("kept while its send is open")
        .isEqualTo(1);

    write(
        "UPDATE sends SET status = 'replied', updated_at_ms = ? WHERE send_id = ?",
        clock.millis(),
        "send-open");
    clock.advance(HISTORY.plusHours(1));
    purger.runOnce();
    assertThat(count("SELECT COUNT(*) FROM sends WHERE send_id = ?", "send-open")).isZero();
    assertThat(count("SELECT COUNT(*) FROM conversations WHERE conversation_id = ?", "conv-open"))
        .isZero();
  }

  private void insertSend(String sendId, String conversation, String status) {
    write(
        "INSERT INTO sends (send_id, conversation_id, content, attachments, status,"
            + " created_at_ms, dispatched_at_ms, updated_at_ms) VALUES (?, ?, 'hi', '[]', ?, ?, ?, ?)",
        sendId,
        conversation,
        status,
        clock.millis(),
        clock.millis(),
        clock.millis());
  }

  private void write(String sql, Object... params) {
    gateway
        .bean(GroupCommitWriter.class)
        .write(session -> session.jdbc().sql(sql).params(params).update());
  }

  private String post(byte[] body) {
    HttpResponse<String> answer = gateway.postWebhook(body);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return answer.headers().firstValue("X-Maigw-Outcome").orElseThrow();
  }

  private int messageStatus(String id) {
    return gateway.getApi("/api/messages/" + id).statusCode();
  }

  private long count(String sql, Object param) {
    return reader.sql(sql).param(param).query(Long.class).single();
  }

  private String createTarget(String url, String conversation) {
    HttpResponse<String> created =
        gateway.postApi(
            "/api/targets",
            JSON.writeValueAsString(Map.of("url", url, "conversation", conversation)));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).get("id").asString();
  }

  private java.util.List<JsonNode> deliveries(String targetId) {
    JsonNode page = JSON.readTree(gateway.getApi("/api/deliveries?targetId=" + targetId).body());
    java.util.List<JsonNode> items = new java.util.ArrayList<>();
    page.get("items").forEach(items::add);
    return items;
  }

  private String onlyStatus(String targetId) {
    java.util.List<JsonNode> items = deliveries(targetId);
    return items.size() == 1 ? items.get(0).get("status").asString() : null;
  }

  private int attemptsOfOnly(String targetId) {
    java.util.List<JsonNode> items = deliveries(targetId);
    if (items.size() != 1) {
      return -1;
    }
    JsonNode one =
        JSON.readTree(
            gateway.getApi("/api/deliveries/" + items.get(0).get("id").asString()).body());
    return one.get("attempts").size();
  }
}
