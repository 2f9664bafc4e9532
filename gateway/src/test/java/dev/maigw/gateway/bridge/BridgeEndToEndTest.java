package dev.maigw.gateway.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.maigw.emulator.MaiAgentEmulator;
import dev.maigw.emulator.fault.ApiErrorPlan;
import dev.maigw.emulator.fault.Faults;
import dev.maigw.gateway.support.RunningGateway;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole loop over real HTTP on loopback: the gateway calls the emulator's create-message API,
 * the emulator posts the reply to the gateway's webhook, and the waiting caller gets it.
 */
class BridgeEndToEndTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private MaiAgentEmulator emulator;
  private RunningGateway gateway;

  private BridgeLoop loop;

  @BeforeEach
  void start() {
    loop = BridgeLoop.start(Map.of());
    emulator = loop.emulator;
    gateway = loop.gateway;
  }

  @AfterEach
  void stop() {
    loop.close();
  }

  @Test
  void answersTheSendWithItsReplyInTheSameCall() {
    String conversation = createConversation();

    HttpResponse<String> response = send(conversation, "退貨要怎麼申請？", 10);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode send = JSON.readTree(response.body());
    assertThat(send.get("status").asString()).isEqualTo("replied");
    assertThat(send.get("reply").get("content").asString()).contains("退貨要怎麼申請？");
    assertThat(send.get("reply").get("type").asString()).isEqualTo("outgoing");
    assertThat(send.get("receiptMessageId").asString()).isNotBlank();
  }

  @Test
  void givesEachOfOneHundredConcurrentSendsItsOwnReply() throws Exception {
    List<String> conversations = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      conversations.add(createConversation());
    }
    emulator.setFaults(Faults.none().withDeliveryCopies(2));
    ExecutorService callers = Executors.newFixedThreadPool(100);
    List<Future<HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      String conversation = conversations.get(i % 20);
      String text = "問題 #" + i;
      responses.add(callers.submit(() -> send(conversation, text, 60)));
    }
    Set<String> replyIds = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      HttpResponse<String> response = responses.get(i).get();
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode send = JSON.readTree(response.body());
      assertThat(send.get("reply").get("content").asString()).contains("「問題 #" + i + "」");
      assertThat(send.get("replies")).hasSize(1);
      replyIds.add(send.get("reply").get("id").asString());
    }
    callers.shutdown();
    assertThat(replyIds).as("no reply handed to two callers").hasSize(100);
  }

  @Test
  void neverHandsAWrongReplyWhenDeliveriesAreDuplicatedAndReordered() throws Exception {
    List<String> conversations = List.of(createConversation(), createConversation());
    emulator.setFaults(Faults.none().withDeliveryCopies(3).withOutOfOrderBatch(2));
    ExecutorService callers = Executors.newFixedThreadPool(6);
    List<Future<HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String conversation = conversations.get(i % 2);
      String text = "亂序 " + i;
      responses.add(callers.submit(() -> send(conversation, text, 30)));
    }
    for (int i = 0; i < 6; i++) {
      HttpResponse<String> response = responses.get(i).get();
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonNode send = JSON.readTree(response.body());
      assertThat(send.get("replies")).hasSize(1);
      assertThat(send.get("reply").get("content").asString()).contains("「亂序 " + i + "」");
    }
    callers.shutdown();
  }

  @Test
  void deliversTheReplyAfterTheWebhookWasRefusedOnceAndRetried() throws Exception {
    String conversation = createConversation();
    emulator.setFaults(Faults.none().withExtraDeliveryDelay(Duration.ofMillis(700)));
    Future<HttpResponse<String>> pending =
        Executors.newSingleThreadExecutor().submit(() -> send(conversation, "稍後回覆", 30));
    await().atMost(Duration.ofSeconds(10)).until(() -> sendStatus(conversation).equals("sent"));

    try (Connection intruder = DriverManager.getConnection("jdbc:sqlite:" + gateway.sqliteFile());
        Statement lock = intruder.createStatement()) {
      lock.execute("BEGIN IMMEDIATE");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  emulator.deliveries().stream()
                      .flatMap(d -> d.attempts().stream())
                      .anyMatch(a -> Integer.valueOf(503).equals(a.statusCode())));
      lock.execute("ROLLBACK");
    }

    HttpResponse<String> response = pending.get();
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("reply").get("content").asString())
        .contains("稍後回覆");
  }

  @Test
  void keepsTheReplyRetrievableWhenTheGatewayRestartsWhileASendWaits() {
    String conversation = createConversation();
    emulator.setFaults(Faults.none().withExtraDeliveryDelay(Duration.ofSeconds(2)));

    HttpResponse<String> accepted = send(conversation, "重啟也不會遺失", 0);
    assertThat(accepted.statusCode()).isEqualTo(202);
    String location = accepted.headers().firstValue("Location").orElseThrow();
    await().atMost(Duration.ofSeconds(10)).until(() -> sendStatus(conversation).equals("sent"));

    gateway.restart();

    HttpResponse<String> later = gateway.getApi(location + "?wait=20");
    assertThat(later.statusCode()).as(later.body()).isEqualTo(200);
    assertThat(JSON.readTree(later.body()).get("reply").get("content").asString())
        .contains("重啟也不會遺失");
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 500, 503})
  void passesMaiAgentsErrorToTheCallerWithItsStatus(int status) {
    String conversation = createConversation();
    emulator.failNextApiCalls(ApiErrorPlan.of(status, 1).forPath("messages/"));

    HttpResponse<String> response = send(conversation, "會失敗", 1);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("code").asString()).isEqualTo("maiagent_error");
    assertThat(problem.get("maiagentStatus").asInt()).isEqualTo(status);
    assertThat(problem.get("detail").asString()).isNotBlank();
  }

  @Test
  void sendsTheNextMessageOfAConversationAfterARefusedOne() {
    String conversation = createConversation();
    emulator.failNextApiCalls(ApiErrorPlan.of(400, 1).forPath("messages/"));

    assertThat(send(conversation, "第一則", 5).statusCode()).isEqualTo(400);
    HttpResponse<String> second = send(conversation, "第二則", 10);

    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(second.body()).get("reply").get("content").asString()).contains("第二則");
  }

  @Test
  void answersWithoutAMaiAgentKeyThatTheBridgeIsNotConfigured() {
    try (RunningGateway bare = RunningGateway.start()) {
      HttpResponse<String> response = bare.postApi("/api/conversations", "{\"webChat\":\"w\"}");

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.body()).contains("\"code\":\"bridge_not_configured\"");
    }
  }

  @Test
  void keepsEveryReplyThatArrivesForOneSend() {
    String conversation = createConversation();
    HttpResponse<String> first = send(conversation, "請分兩段回答", 10);
    String location = "/api/sends/" + JSON.readTree(first.body()).get("id").asString();

    emulator.pushReply(conversation, "第二段回覆");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> JSON.readTree(gateway.getApi(location).body()).get("replies").size() == 2);
    JsonNode send = JSON.readTree(gateway.getApi(location).body());
    assertThat(send.get("reply").get("content").asString()).contains("請分兩段回答");
    assertThat(send.get("replies").get(1).get("content").asString()).isEqualTo("第二段回覆");
  }

  @Test
  void longPollsAConversationForItsNextReply() throws Exception {
    String conversation = createConversation();
    Future<HttpResponse<String>> poll =
        Executors.newSingleThreadExecutor()
            .submit(
                () -> gateway.getApi("/api/conversations/" + conversation + "/messages?wait=20"));
    Thread.sleep(300);
    assertThat(poll).isNotDone();

    send(conversation, "長輪詢", 0);

    HttpResponse<String> response = poll.get();
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode items = JSON.readTree(response.body()).get("items");
    assertThat(items).hasSize(1);
    assertThat(items.get(0).get("content").asString()).contains("長輪詢");
  }

  @Test
  void refusesASendWithoutContent() {
    String conversation = createConversation();

    HttpResponse<String> response =
        gateway.postApi("/api/conversations/" + conversation + "/messages", "{\"content\":\"\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"code\":\"invalid_request\"");
  }

  private String createConversation() {
    HttpResponse<String> response = gateway.postApi("/api/conversations", "{}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body()).get("id").asString();
  }

  private HttpResponse<String> send(String conversation, String text, int waitSeconds) {
    String body = JSON.writeValueAsString(Map.of("content", text));
    return gateway.postApi(
        "/api/conversations/" + conversation + "/messages?wait=" + waitSeconds, body);
  }

  private String sendStatus(String conversation) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + gateway.sqliteFile());
        Statement statement = db.createStatement();
        var rs =
            statement.executeQuery(
                "SELECT status FROM sends WHERE conversation_id = '" + conversation + "'")) {
      return rs.next() ? rs.getString(1) : "";
    }
  }
}
