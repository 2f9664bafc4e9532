package dev.maigw.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.maigw.emulator.EmulatorConfig;
import dev.maigw.emulator.MaiAgentEmulator;
import dev.maigw.gateway.quarantine.QuarantineStore;
import dev.maigw.gateway.support.Fixtures;
import dev.maigw.gateway.support.RunningGateway;
import dev.maigw.gateway.support.ScriptedReceiver;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every console screen in a real browser, on data that went the real way: sends through the bridge
 * answered by the emulator, webhooks, a forwarding target on loopback that first fails and is then
 * replayed from the page. Saves a screenshot of each screen in {@code docs/console/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private static MaiAgentEmulator emulator;
  private static RunningGateway gateway;
  private static ScriptedReceiver receiver;
  private static ConsoleBrowser browser;
  private static String conversation;

  @BeforeAll
  static void start() {
    int port = RunningGateway.freePort();
    emulator =
        MaiAgentEmulator.start(
            EmulatorConfig.defaults()
                .withPort(0)
                .withReplyDelay(Duration.ofMillis(50))
                .withWebhookUrl("http://127.0.0.1:" + port + "/maiagent/webhook"));
    Map<String, String> properties = new HashMap<>();
    properties.put("server.port", Integer.toString(port));
    properties.put("maigw.bridge.base-url", emulator.baseUrl().toString());
    properties.put("maigw.bridge.api-key", emulator.apiKey());
    properties.put("maigw.bridge.web-chat-id", "web-chat-1");
    properties.put("maigw.delivery.forward-allow", "127.0.0.1/32");
    properties.put("maigw.delivery.retry-schedule", "0s,100ms");
    properties.put("maigw.delivery.jitter", "0");
    properties.put("maigw.delivery.poll", "50ms");
    gateway = RunningGateway.start(properties);
    receiver = new ScriptedReceiver();
    receiver.otherwise(500);
    browser = new ConsoleBrowser(gateway);
  }

  @AfterAll
  static void stop() {
    browser.close();
    receiver.close();
    gateway.close();
    emulator.close();
  }

  @Test
  @Order(1)
  void signsInWithTheApiKeyOnly() {
    browser.open("/console/messages");
    assertThat(browser.driver.getCurrentUrl()).endsWith("/console/sign-in");
    browser.screenshot("sign-in");
    browser.find("#api-key").sendKeys("wrong-key");
    browser.clickAndLoad("#sign-in");
    assertThat(browser.text("#sign-in-error")).contains("not the gateway's API key");

    browser.signIn();
    assertThat(browser.driver.getTitle()).startsWith("Overview");
    assertThat(browser.driver.manage().getCookieNamed("maigw_console").isHttpOnly()).isTrue();
  }

  @Test
  @Order(2)
  void createsATargetAndShowsItsSecretOnlyOnce() {
    browser.open("/console/targets/new");
    browser.find("#target-name").sendKeys("crm on loopback");
    browser.find("#target-url").sendKeys(receiver.url("/hooks/maiagent"));
    browser.clickAndLoad("#target-save");

    String secret = browser.text("#target-secret");
    assertThat(secret).startsWith("whsec_");
    browser.screenshot("target-created");
    browser.clickAndLoad("#back-to-targets");
    assertThat(browser.text("#targets")).contains("crm on loopback").doesNotContain(secret);
    browser.clickAndLoad(".edit-target");
    assertThat(browser.driver.getPageSource()).doesNotContain(secret);
  }

  @Test
  @Order(3)
  void showsAConversationAsAChatWithSendsRepliesCitationsAndMarkdown() {
    conversation = createConversation();
    sendThroughBridge(conversation, "退貨要怎麼申請？");
    emulator.pushReply(
        conversation,
        "## 退貨步驟\n\n1. 登入**會員中心**\n2. 選擇訂單並按 `申請退貨`\n\n"
            + "詳見 [退貨政策](https://www.example.com/returns)。");
    emulator.pushReply(conversation, "很長的回覆。".repeat(600));
    await().atMost(PATIENCE).until(() -> messageCount(conversation) == 3);

    browser.open("/console/conversations");
    browser.clickAndLoad(".conversation-link");
    WebElement chat = browser.find("#chat");
    assertThat(chat.findElements(By.cssSelector(".bubble.sent"))).hasSize(1);
    assertThat(chat.findElements(By.cssSelector(".bubble.reply"))).hasSize(3);
    assertThat(chat.findElements(By.cssSelector(".bubble")).get(0).getText())
        .as("the send comes before its reply")
        .contains("退貨要怎麼申請？", "Sent through the bridge");
    assertThat(chat.findElements(By.cssSelector(".citation a"))).isNotEmpty();
    assertThat(chat.findElements(By.cssSelector(".content strong")).get(0).getText())
        .isEqualTo("會員中心");
    assertThat(
            chat.findElement(By.cssSelector(".content a[href='https://www.example.com/returns']"))
                .getAttribute("rel"))
        .contains("noopener");
    WebElement full = chat.findElement(By.cssSelector("details.full"));
    assertThat(full.getAttribute("open")).isNull();
    full.findElement(By.tagName("summary")).click();
    assertThat(full.getText().length()).isGreaterThan(3_000);
    browser.open("/console/conversation?id=" + conversation);
    browser.screenshot("transcript");
  }

  @Test
  @Order(4)
  void overviewCountsWhatArrived() {
    gateway.postWebhook(Fixtures.reply("console-dup-1", "console-other"));
    gateway.postWebhook(Fixtures.reply("console-dup-1", "console-other"));
    gateway.postWebhook("{\"id\":".getBytes(StandardCharsets.UTF_8));

    browser.open("/console/");
    assertThat(Long.parseLong(browser.text("#card-stored .big"))).isGreaterThanOrEqualTo(4);
    assertThat(Long.parseLong(browser.text("#card-duplicates .big"))).isGreaterThanOrEqualTo(1);
    assertThat(Long.parseLong(browser.text("#card-quarantined .big"))).isGreaterThanOrEqualTo(1);
    assertThat(browser.text("#card-intake .big")).doesNotStartWith("0");
    browser.screenshot("overview");
  }

  @Test
  @Order(5)
  void searchesMessagesAndPagesNewestFirst() {
    for (int i = 0; i < 60; i++) {
      gateway.postWebhook(Fixtures.reply("page-" + i, "console-paging", "分頁測試 " + i));
    }
    browser.open("/console/messages?conversation=console-paging");
    assertThat(browser.all(".message-row")).hasSize(MessagePagesController.PAGE_SIZE);
    assertThat(browser.all(".message-link").get(0).getText()).isEqualTo("page-59");
    browser.clickAndLoad("#older");
    assertThat(browser.all(".message-row")).hasSize(10);
    assertThat(browser.all(".message-link").get(9).getText()).isEqualTo("page-0");

    browser.open("/console/messages");
    browser.find("#filter-q").sendKeys("退貨要怎麼");
    browser.clickAndLoad("#filter-apply");
    assertThat(browser.all(".message-row")).hasSize(1);
    browser.open("/console/messages");
    browser.screenshot("messages");
  }

  @Test
  @Order(6)
  void showsTheRawBodyByteExactAndAsCurl() throws Exception {
    byte[] body = Fixtures.reply("console-raw-1", "console-raw", "原文 \\u003c保留\\u003e");
    gateway.postWebhook(body);

    browser.open("/console/message?id=console-raw-1");
    assertThat(browser.find("#raw-body").getText())
        .isEqualTo(new String(body, StandardCharsets.UTF_8));
    assertThat(browser.driver.getPageSource())
        .contains(
            java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
    assertThat(browser.text("#curl-repost"))
        .contains("/api/messages/console-raw-1/raw", "--data-binary @-", "/maiagent/webhook");
    browser.screenshot("message");
  }

  @Test
  @Order(7)
  void liveTailShowsNewRepliesWithoutReloadAndCanPause() {
    browser.open("/console/live");
    browser.waitFor(() -> browser.text("#live-state").equals("live"));
    gateway.postWebhook(Fixtures.reply("live-1", "console-live", "即時回覆一號"));
    browser.waitFor(() -> browser.text("#live").contains("即時回覆一號"));

    browser.find("#live-toggle").click();
    assertThat(browser.text("#live-state")).isEqualTo("paused");
    gateway.postWebhook(Fixtures.reply("live-2", "console-live", "暫停時的回覆"));
    assertThat(browser.text("#live")).doesNotContain("暫停時的回覆");
    browser.find("#live-toggle").click();
    browser.waitFor(() -> browser.text("#live").contains("暫停時的回覆"));
    assertThat(browser.all(".live-item")).hasSize(2);
    browser.screenshot("live");
  }

  @Test
  @Order(8)
  void replaysADeadDeliveryFromItsPageToTheLoopbackTarget() {
    await().atMost(PATIENCE).until(() -> deadCount() >= 1);
    browser.open("/console/deliveries?status=dead");
    assertThat(browser.all(".delivery-row")).isNotEmpty();
    browser.screenshot("deliveries");
    browser.clickAndLoad(".delivery-link");
    assertThat(browser.text("#delivery-status")).isEqualTo("dead");
    assertThat(browser.all(".attempt")).hasSize(2);
    assertThat(browser.text("#attempts")).contains("HTTP 500");
    String id = browser.text("#delivery-id");

    int before = receiver.received().size();
    receiver.otherwise(200);
    browser.clickAndLoad("#replay");
    assertThat(browser.find("#replayed-notice").isDisplayed()).isTrue();
    await().atMost(PATIENCE).until(() -> receiver.received().size() > before);
    await().atMost(PATIENCE).until(() -> deliveryStatus(id).equals("delivered"));
    browser.open("/console/deliveries/" + id);
    assertThat(browser.text("#delivery-status")).isEqualTo("delivered");
    assertThat(browser.text("#attempts")).contains("HTTP 200");
    browser.screenshot("delivery");
  }

  @Test
  @Order(9)
  void bulkReplayPreviewsHowManyDeadDeliveriesItWillSend() {
    await().atMost(PATIENCE).until(() -> deadCount() >= 3);
    long dead = deadCount();
    browser.open("/console/deliveries/replay");
    assertThat(browser.text("#replay-count")).startsWith(dead + " dead deliveries match");
    browser.screenshot("replay");
    browser.clickAndLoad("#replay-confirm");
    assertThat(browser.text("#replay-result"))
        .isEqualTo(dead + " dead deliveries are pending again.");
    await().atMost(PATIENCE).until(() -> deadCount() == 0);

    browser.open("/console/targets");
    assertThat(browser.text("#targets")).contains("crm on loopback");
    assertThat(browser.find(".target-row").getText()).contains("%");
    browser.screenshot("targets");
  }

  @Test
  @Order(10)
  void quarantineShowsBytesRefusesAStillBrokenBodyAndReingestsAFixedOne() {
    byte[] fixed = Fixtures.reply("console-reingest-1", "console-quarantine");
    long id =
        gateway
            .bean(QuarantineStore.class)
            .keep(
                fixed,
                sha256(fixed),
                "invalid_field",
                "Refused by an older reader.",
                "application/json",
                Instant.now());
    browser.open("/console/quarantine");
    assertThat(browser.text("#quarantine")).contains("malformed_json", "invalid_field");
    browser.screenshot("quarantine");

    browser.open("/console/quarantine/" + id);
    assertThat(browser.text("#quarantine-hex")).startsWith("00000000  7b 22 69 64");
    browser.screenshot("quarantined");
    browser.clickAndLoad("#reingest");
    assertThat(browser.text("#message-id")).isEqualTo("console-reingest-1");
    browser.open("/console/quarantine");
    assertThat(browser.text("#quarantine")).doesNotContain("invalid_field");

    browser.clickAndLoad(".quarantine-link");
    browser.clickAndLoad("#reingest");
    assertThat(browser.text("#reingest-error")).contains("Still refused", "malformed_json");
    browser.clickAndLoad("#delete-quarantined");
    assertThat(browser.text("#quarantine")).contains("Nothing in quarantine.");
  }

  @Test
  @Order(11)
  void editsDisablesEnablesAndDeletesATarget() {
    browser.open("/console/targets/new");
    browser.find("#target-name").sendKeys("scratch target");
    browser.find("#target-url").sendKeys(receiver.url("/hooks/scratch"));
    browser.clickAndLoad("#target-save");
    browser.clickAndLoad("#back-to-targets");

    browser.clickAndLoad(scratchRow() + " .edit-target");
    browser.find("#target-url").clear();
    browser.find("#target-url").sendKeys(receiver.url("/hooks/scratch-edited"));
    browser.clickAndLoad("#target-save");
    assertThat(browser.text(scratchRow() + " .url")).endsWith("/hooks/scratch-edited");
    assertThat(scratchTarget().get("url").asString()).endsWith("/hooks/scratch-edited");

    browser.clickAndLoad(scratchRow() + " .toggle-target");
    assertThat(browser.text(scratchRow() + " .status")).isEqualTo("disabled");
    assertThat(scratchTarget().get("enabled").asBoolean()).isFalse();
    browser.clickAndLoad(scratchRow() + " .toggle-target");
    assertThat(browser.text(scratchRow() + " .status")).isEqualTo("enabled");
    assertThat(scratchTarget().get("enabled").asBoolean()).isTrue();

    String id = scratchTarget().get("id").asString();
    browser.clickAndLoad(scratchRow() + " .delete-target");
    assertThat(browser.text("#targets"))
        .doesNotContain("scratch target")
        .contains("crm on loopback");
    assertThat(gateway.getApi("/api/targets/" + id).statusCode()).isEqualTo(404);
  }

  /** The CSS selector of the scratch target's row on the targets page. */
  private String scratchRow() {
    return ".target-row[data-target-id='" + scratchTarget().get("id").asString() + "']";
  }

  private static JsonNode scratchTarget() {
    JsonNode list = JSON.readTree(gateway.getApi("/api/targets").body());
    JsonNode items = list.has("items") ? list.get("items") : list;
    for (JsonNode target : items) {
      if (target.get("name").asString().equals("scratch target")) {
        return target;
      }
    }
    throw new AssertionError("No target named 'scratch target' in " + list);
  }

  @Test
  @Order(12)
  void signOutEndsTheSession() {
    browser.open("/console/");
    browser.clickAndLoad("#sign-out");
    assertThat(browser.driver.getCurrentUrl()).endsWith("/console/sign-in");
    browser.open("/console/targets");
    assertThat(browser.driver.getCurrentUrl()).endsWith("/console/sign-in");
  }

  private static String createConversation() {
    HttpResponse<String> created = gateway.postApi("/api/conversations", "{}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).get("id").asString();
  }

  private static void sendThroughBridge(String conversation, String content) {
    HttpResponse<String> sent =
        gateway.postApi(
            "/api/conversations/" + conversation + "/messages?wait=20",
            "{\"content\":\"" + content + "\"}");
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
  }

  private static int messageCount(String conversation) {
    return JSON.readTree(gateway.getApi("/api/conversations/" + conversation + "/messages").body())
        .get("items")
        .size();
  }

  private static long deadCount() {
    JsonNode list = JSON.readTree(gateway.getApi("/api/deliveries?status=dead").body());
    return list.get("items").size();
  }

  private static String deliveryStatus(String id) {
    return JSON.readTree(gateway.getApi("/api/deliveries/" + id).body())
        .get("delivery")
        .get("status")
        .asString();
  }

  private static byte[] sha256(byte[] body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
