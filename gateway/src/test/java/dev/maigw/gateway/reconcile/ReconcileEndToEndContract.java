package dev.maigw.gateway.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.maigw.emulator.delivery.DeliveryRecord;
import dev.maigw.emulator.delivery.WebhookSender;
import dev.maigw.emulator.fault.Faults;
import dev.maigw.emulator.message.Message;
import dev.maigw.gateway.bridge.BridgeActivity;
import dev.maigw.gateway.bridge.BridgeLoop;
import dev.maigw.gateway.support.RunningGateway;
import dev.maigw.sdk.client.MaiAgentClient;
import dev.maigw.sdk.client.MessagePage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Replies whose webhooks MaiAgent never delivered (the emulator's drop fault), recovered from
 * MaiAgent's message list through the gateway's real intake path, with a real target receiving
 * them. Subclasses say which database the gateway stores into.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReconcileEndToEndContract {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final int REPLIES = 4;

  private BridgeLoop loop;
  private HttpServer receiver;
  private final List<String> forwarded = new CopyOnWriteArrayList<>();

  /** Gateway properties naming the database under test (empty for the default SQLite file). */
  abstract Map<String, String> database();

  @BeforeAll
  void start() throws IOException {
    Map<String, String> properties = new java.util.HashMap<>(database());
    properties.put("maigw.delivery.forward-allow", "127.0.0.1/32");
    properties.put("maigw.reconcile.chatbot-id", "bot-1");
    loop = BridgeLoop.start(properties);
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          JsonNode body = BridgeLoop.JSON.readTree(exchange.getRequestBody().readAllBytes());
          forwarded.add(body.get("id").asString());
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    HttpResponse<String> target =
        loop.gateway.postApi(
            "/api/targets", BridgeLoop.JSON.writeValueAsString(Map.of("name", "crm", "url", url)));
    assertThat(target.statusCode()).as(target.body()).isEqualTo(201);
  }

  @AfterAll
  void stop() {
    receiver.stop(0);
    loop.close();
  }

  @BeforeEach
  void dropWebhooks() {
    loop.emulator.setFaults(Faults.none().withDropWebhooks(true));
  }

  @Test
  void storesEveryDroppedReplyOnceAsReconciledAndLaterWebhooksAreDuplicates() {
    String conversation = loop.createConversation();
    List<String> replies = sendAndAwaitDroppedReplies(conversation, REPLIES);
    assertThat(messages(conversation)).isEmpty();

    JsonNode report = reconcile(conversation);

    assertThat(report.get("listed").asInt()).isEqualTo(2 * REPLIES);
    assertThat(report.get("stored").asInt()).isEqualTo(REPLIES);
    assertThat(report.get("skipped").asInt()).isEqualTo(REPLIES);
    assertThat(report.get("alreadyPresent").asInt()).isZero();
    assertThat(report.get("refused")).isEmpty();
    JsonNode stored = messages(conversation);
    assertThat(stored)
        .extracting(m -> m.get("id").asString())
        .containsExactlyInAnyOrderElementsOf(replies);
    assertThat(stored).extracting(m -> m.get("source").asString()).containsOnly("reconciled");
    assertThat(stored).extracting(m -> m.get("type").asString()).containsOnly("outgoing");

    JsonNode again = reconcile(conversation);
    assertThat(again.get("stored").asInt()).isZero();
    assertThat(again.get("alreadyPresent").asInt()).isEqualTo(REPLIES);

    loop.emulator.setFaults(Faults.none());
    for (String id : replies) {
      HttpResponse<String> late = loop.gateway.postWebhook(webhookBody(id));
      assertThat(late.statusCode()).isEqualTo(200);
      assertThat(late.headers().firstValue("X-Maigw-Outcome")).hasValue("duplicate");
    }
    assertThat(messages(conversation)).hasSize(REPLIES);
    for (String id : replies) {
      await().atMost(PATIENCE).until(() -> deliveryStatuses(id).equals(List.of("delivered")));
    }
    assertThat(forwarded.stream().filter(replies::contains))
        .hasSize(REPLIES)
        .doesNotHaveDuplicates();
  }

  @Test
  void keepsTheListedJsonOfEachReplyByteForByte() throws Exception {
    String conversation = loop.createConversation();
    List<String> replies = sendAndAwaitDroppedReplies(conversation, 1);

    reconcile(conversation);

    MessagePage listed = client().listMessages(conversation, null);
    int index = listed.results().stream().map(r -> r.id()).toList().indexOf(replies.get(0));
    byte[] raw = loop.gateway.getApiBytes("/api/messages/" + replies.get(0) + "/raw");
    assertThat(raw).isEqualTo(listed.resultBytes().get(index));
  }

  @Test
  void reportsTheDeliveriesMaiAgentLoggedAsFailed() {
    String conversation = loop.createConversation();
    List<String> replies = sendAndAwaitDroppedReplies(conversation, 2);

    JsonNode log = reconcile(conversation).get("webhookLog");

    assertThat(log.get("read").asBoolean()).isTrue();
    assertThat(log.get("chatbotId").asString()).isEqualTo("bot-1");
    JsonNode failed = log.get("failed");
    assertThat(failed)
        .extracting(f -> f.get("messageId").asString())
        .containsExactlyInAnyOrderElementsOf(replies);
    failed.forEach(
        f -> {
          assertThat(f.get("failedAttempts").asInt()).isPositive();
          assertThat(f.get("lastStatusCode").isNull()).isTrue();
          assertThat(f.get("laterDelivered").asBoolean()).isFalse();
          assertThat(f.get("storedHere").asBoolean()).isTrue();
        });
  }

  @Test
  void leavesOutMessagesCreatedBeforeSince() {
    String conversation = loop.createConversation();
    sendAndAwaitDroppedReplies(conversation, 1);

    JsonNode report =
        reconcile(conversation, "&since=" + java.time.Instant.now().plus(Duration.ofHours(1)));

    assertThat(report.get("listed").asInt()).isZero();
    assertThat(report.get("stored").asInt()).isZero();
    assertThat(messages(conversation)).isEmpty();
  }

  @Test
  void answersAWaitingBridgeSendWithTheReconciledReply() throws Exception {
    String conversation = loop.createConversation();
    CompletableFuture<HttpResponse<String>> waiting =
        CompletableFuture.supplyAsync(() -> loop.send(conversation, "退貨要怎麼申請？", 120));
    await().atMost(PATIENCE).until(() -> droppedReplies(conversation).size() == 1);
    String reply = droppedReplies(conversation).get(0);
    await().atMost(PATIENCE).until(() -> sendStatus(conversation).equals("sent"));

    JsonNode report = reconcile(conversation);

    assertThat(report.get("stored").asInt()).isEqualTo(1);
    HttpResponse<String> answer = waiting.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode sent = BridgeLoop.JSON.readTree(answer.body());
    assertThat(sent.get("status").asString()).isEqualTo("replied");
    assertThat(sent.get("reply").get("id").asString()).isEqualTo(reply);
    assertThat(sent.get("reply").get("source").asString()).isEqualTo("reconciled");
  }

  @Test
  void aScheduledPassRecoversTheReplyOfASendStillWaiting() throws Exception {
    String conversation = loop.createConversation();
    HttpResponse<String> queued = loop.send(conversation, "還在嗎？", 0);
    assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
    String sendId = BridgeLoop.JSON.readTree(queued.body()).get("id").asString();
    await().atMost(PATIENCE).until(() -> droppedReplies(conversation).size() == 1);
    await().atMost(PATIENCE).until(() -> sendStatus(conversation).equals("sent"));

    int stored = loop.gateway.bean(ReconcileSchedule.class).runOnce();

    assertThat(stored).isPositive();
    JsonNode send = loop.sendView(sendId);
    assertThat(send.get("status").asString()).isEqualTo("replied");
    assertThat(send.get("reply").get("id").asString())
        .isEqualTo(droppedReplies(conversation).get(0));
    assertThat(send.get("reply").get("source").asString()).isEqualTo("reconciled");
  }

  /** Sends through MaiAgent's API directly and waits until each reply's webhook was dropped. */
  private List<String> sendAndAwaitDroppedReplies(String conversation, int count) {
    MaiAgentClient client = client();
    for (int i = 0; i < count; i++) {
      client.sendMessage(conversation, "question " + i, null);
    }
    await().atMost(PATIENCE).until(() -> droppedReplies(conversation).size() == count);
    return droppedReplies(conversation);
  }

  /** The conversation's replies whose every webhook attempt so far was dropped (at least one). */
  private List<String> droppedReplies(String conversation) {
    List<String> dropped = new ArrayList<>();
    for (Message message : loop.emulator.messages(conversation)) {
      List<DeliveryRecord> deliveries =
          loop.emulator.deliveries().stream()
              .filter(d -> d.messageId().equals(message.id()))
              .toList();
      boolean allDropped =
          !deliveries.isEmpty()
              && deliveries.stream()
                  .allMatch(
                      d ->
                          !d.attempts().isEmpty()
                              && d.attempts().stream()
                                  .allMatch(a -> WebhookSender.DROPPED.equals(a.error())));
      if (Message.OUTGOING.equals(message.type()) && allDropped) {
        dropped.add(message.id());
      }
    }
    return dropped;
  }

  private byte[] webhookBody(String messageId) {
    return loop.emulator.deliveries().stream()
        .filter(d -> d.messageId().equals(messageId))
        .findFirst()
        .orElseThrow()
        .body()
        .getBytes(StandardCharsets.UTF_8);
  }

  private JsonNode reconcile(String conversation) {
    return reconcile(conversation, "");
  }

  private JsonNode reconcile(String conversation, String more) {
    HttpResponse<String> response =
        loop.gateway.post(
            "/api/reconcile?conversation=" + conversation + more,
            new byte[0],
            Map.of("Authorization", "Bearer " + RunningGateway.API_KEY));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return BridgeLoop.JSON.readTree(response.body());
  }

  private JsonNode messages(String conversation) {
    HttpResponse<String> page =
        loop.gateway.getApi("/api/conversations/" + conversation + "/messages?limit=100");
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return BridgeLoop.JSON.readTree(page.body()).get("items");
  }

  private List<String> deliveryStatuses(String messageId) {
    JsonNode items =
        BridgeLoop.JSON
            .readTree(loop.gateway.getApi("/api/deliveries?messageId=" + messageId).body())
            .get("items");
    List<String> statuses = new ArrayList<>();
    items.forEach(item -> statuses.add(item.get("status").asString()));
    return statuses;
  }

  /** The status of the conversation's latest send, read through the gateway on any database. */
  private String sendStatus(String conversation) {
    List<BridgeActivity.SentMessage> sent =
        loop.gateway.bean(BridgeActivity.class).sentInto(conversation, null, null, 100);
    return sent.isEmpty() ? "" : sent.get(sent.size() - 1).status();
  }

  private MaiAgentClient client() {
    return MaiAgentClient.builder()
        .baseUrl(loop.emulator.baseUrl())
        .apiKey(loop.emulator.apiKey())
        .build();
  }
}
