package dev.maigw.emulator.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.maigw.emulator.MaiAgentEmulator;
import dev.maigw.emulator.fault.Casing;
import dev.maigw.emulator.fault.CitationShape;
import dev.maigw.emulator.fault.Faults;
import dev.maigw.emulator.fault.SenderIdType;
import dev.maigw.emulator.fault.TimestampFormat;
import dev.maigw.emulator.testing.ApiClient;
import dev.maigw.emulator.testing.Emulators;
import dev.maigw.emulator.testing.WebhookReceiver;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MessageControllerTest {
  private WebhookReceiver receiver;
  private MaiAgentEmulator emulator;
  private ApiClient api;

  @BeforeEach
  void start() throws IOException {
    receiver = WebhookReceiver.start();
    emulator = MaiAgentEmulator.start(Emulators.fast(receiver.url()));
    api = new ApiClient(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
    receiver.close();
  }

  @Test
  void sendingAnswers201ReceiptOfTheIncomingMessage() {
    String conversation = api.createConversation();

    HttpResponse<String> response =
        api.postJson(
            "messages/", "{\"conversation\":\"" + conversation + "\",\"content\":\"退貨要幾天？\"}");

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode receipt = ApiClient.json(response);
    assertThat(receipt.get("id").asString()).hasSize(36);
    assertThat(receipt.get("conversation").asString()).isEqualTo(conversation);
    assertThat(receipt.get("type").asString()).isEqualTo("incoming");
    assertThat(receipt.get("content").asString()).isEqualTo("退貨要幾天？");
    assertThat(receipt.get("sender").get("id").isNumber()).isTrue();
    assertThat(receipt.get("createdAt").asString()).matches("\\d{13}");
    assertThat(receipt.get("feedback").isNull()).isTrue();
    assertThat(receipt.get("attachments").isArray()).isTrue();
    assertThat(receipt.get("citations").isArray()).isTrue();
    assertThat(receipt.get("citationNodes").isArray()).isTrue();
  }

  @Test
  void replyArrivesByWebhookQuotingTheUserTextVerbatim() {
    String conversation = api.createConversation();
    String receiptId =
        api.sendMessage(conversation, "營業時間？ <b>&\"quoted\"</b>").get("id").asString();

    await().atMost(Duration.ofSeconds(5)).until(() -> receiver.bodies().size() == 1);

    JsonNode webhook = receiver.bodies().get(0);
    assertThat(webhook.get("type").asString()).isEqualTo("outgoing");
    assertThat(webhook.get("conversation").asString()).isEqualTo(conversation);
    assertThat(webhook.get("content").asString())
        .isEqualTo("您的訊息「營業時間？ <b>&\"quoted\"</b>」已收到。這是 AI 助理的回覆。");
    assertThat(webhook.get("id").asString()).hasSize(36).isNotEqualTo(receiptId);
    assertThat(webhook.get("createdAt").asString()).matches("\\d{13}");
    assertThat(webhook.get("sender").get("id").isNumber()).isTrue();
    assertThat(webhook.get("citations")).hasSize(2);
    assertThat(webhook.get("citations").get(0).has("document")).isTrue();
  }

  @Test
  void webhookFollowsTheVariantFaultsInEffectWhenTheReplyIsSent() {
    emulator.setFaults(
        Faults.none()
            .withTimestampKey(Casing.SNAKE)
            .withTimestampFormat(TimestampFormat.SECONDS_STRING)
            .withSenderIdType(SenderIdType.STRING)
            .withCitationShape(CitationShape.OAS)
            .withCitationNodes(true));
    String conversation = api.createConversation();

    api.sendMessage(conversation, "variant");

    await().atMost(Duration.ofSeconds(5)).until(() -> receiver.bodies().size() == 1);
    JsonNode webhook = receiver.bodies().get(0);
    assertThat(webhook.has("createdAt")).isFalse();
    assertThat(webhook.get("created_at").asString()).matches("\\d{10}");
    assertThat(webhook.get("sender").get("id").isString()).isTrue();
    assertThat(webhook.get("citations").get(0).has("parser")).isTrue();
    assertThat(webhook.get("citationNodes")).hasSize(2);
  }

  @Test
  void replyIsQueryableByIdAndInTheConversationNewestFirst() {
    String conversation = api.createConversation();
    api.sendMessage(conversation, "hello");
    await().atMost(Duration.ofSeconds(5)).until(() -> receiver.bodies().size() == 1);
    String replyId = receiver.bodies().get(0).get("id").asString();

    JsonNode reply = ApiClient.json(api.get("messages/" + replyId + "/"));
    JsonNode page = ApiClient.json(api.get("messages/?conversation=" + conversation));

    assertThat(reply.get("type").asString()).isEqualTo("outgoing");
    assertThat(page.get("results")).hasSize(2);
    assertThat(page.get("results").get(0).get("id").asString()).isEqualTo(replyId);
    assertThat(page.get("next").isNull()).isTrue();
  }

  @Test
  void messagePagesFollowAbsoluteCursorUrls() {
    String conversation = api.createConversation();
    for (int i = 0; i < 3; i++) {
      api.sendMessage(conversation, "m" + i);
    }

    JsonNode first =
        ApiClient.json(api.get("messages/?conversation=" + conversation + "&pageSize=2"));
    String next = first.get("next").asString();
    JsonNode second = ApiClient.json(api.send(api.api(next).GET()));

    assertThat(next).startsWith(emulator.baseUrl() + "messages/?conversation=");
    assertThat(first.get("results")).hasSize(2);
    assertThat(second.get("results").size()).isPositive();
    assertThat(second.get("previous").isNull()).isFalse();
  }

  @Test
  void unknownConversationAnswers404NotFound() {
    HttpResponse<String> response =
        api.postJson("messages/", "{\"conversation\":\"nope\",\"content\":\"hi\"}");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("{\"detail\":\"Not found.\"}");
  }

  @Test
  void missingFieldsAnswer400PerFieldLikeDrf() {
    HttpResponse<String> response = api.postJson("messages/", "{}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(ApiClient.json(response).toString())
        .isEqualTo(
            "{\"conversation\":[\"This field is required.\"],"
                + "\"content\":[\"This field is required.\"]}");
  }

  @Test
  void acceptsAttachmentsAsObjectsOrRegisteredIdStrings() {
    String conversation = api.createConversation();
    String attachmentId =
        ApiClient.json(
                api.postJson(
                    "attachments/",
                    "{\"file\":\"media/chat/attachment/a.pdf\",\"filename\":\"a.pdf\",\"type\":\"other\"}"))
            .get("id")
            .asString();
    String body =
        "{\"conversation\":\""
            + conversation
            + "\",\"content\":\"see files\",\"attachments\":[\""
            + attachmentId
            + "\",{\"id\":\"x1\",\"type\":\"image\",\"filename\":\"b.png\",\"file\":\"http://127.0.0.1/b.png\"}]}";

    JsonNode receipt = ApiClient.json(api.postJson("messages/", body));

    assertThat(receipt.get("attachments")).hasSize(2);
    assertThat(receipt.get("attachments").get(0).get("filename").asString()).isEqualTo("a.pdf");
    assertThat(receipt.get("attachments").get(1).get("type").asString()).isEqualTo("image");
  }

  @Test
  void unknownAttachmentIdAnswers400() {
    String conversation = api.createConversation();

    HttpResponse<String> response =
        api.postJson(
            "messages/",
            "{\"conversation\":\""
                + conversation
                + "\",\"content\":\"x\",\"attachments\":[\"nope\"]}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(ApiClient.json(response).get("attachments").get(0).asString())
        .isEqualTo("Invalid pk \"nope\" - object does not exist.");
  }

  @Test
  void slowReceiptLetsTheWebhookArriveBeforeTheReceipt() {
    emulator.setFaults(Faults.none().withReceiptDelay(Duration.ofMillis(400)));
    String conversation = api.createConversation();

    api.sendMessage(conversation, "race");

    assertThat(receiver.contents()).hasSize(1);
  }

  @Test
  void conversationShowsItsLastMessage() {
    String conversation = api.createConversation();
    api.sendMessage(conversation, "last one");

    JsonNode fetched = ApiClient.json(api.get("conversations/" + conversation + "/"));

    assertThat(fetched.get("lastMessage").get("content").asString())
        .isIn("last one", ReplyComposer.replyText("last one"));
    assertThat(fetched.get("lastMessageCreatedAt").asString()).matches("\\d{13}");
  }
}
