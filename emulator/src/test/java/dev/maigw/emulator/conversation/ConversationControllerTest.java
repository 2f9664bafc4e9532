package dev.maigw.emulator.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.emulator.MaiAgentEmulator;
import dev.maigw.emulator.inbox.InboxDirectory;
import dev.maigw.emulator.testing.ApiClient;
import dev.maigw.emulator.testing.SharedEmulator;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

class ConversationControllerTest {
  @RegisterExtension static final SharedEmulator shared = new SharedEmulator();

  private final MaiAgentEmulator emulator = shared.emulator();
  private final ApiClient api = shared.api();

  @Test
  void creatingAnswers201WithTheDocumentedFields() {
    HttpResponse<String> response =
        api.postJson(
            "conversations/", "{\"webChat\":\"" + InboxDirectory.DEFAULT_WEB_CHAT_ID + "\"}");

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode body = ApiClient.json(response);
    assertThat(body.propertyNames())
        .contains(
            "id",
            "contact",
            "inbox",
            "title",
            "lastMessage",
            "lastMessageCreatedAt",
            "unreadMessagesCount",
            "autoReplyEnabled",
            "isAutoReplyNow",
            "lastReadAt",
            "createdAt");
    assertThat(body.get("lastMessage").isNull()).isTrue();
    assertThat(body.get("inbox").get("channelType").asString()).isEqualTo("web");
    assertThat(body.get("contact").get("createdAt").asString()).matches("\\d{13}");
  }

  @Test
  void acceptsTheSnakeCaseSpellingOfWebChat() {
    assertThat(api.postJson("conversations/", "{\"web_chat\":\"any\"}").statusCode())
        .isEqualTo(201);
  }

  @Test
  void missingWebChatAnswers400() {
    HttpResponse<String> response = api.postJson("conversations/", "{}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("{\"webChat\":[\"This field is required.\"]}");
  }

  @Test
  void fetchingByIdReturnsTheConversationAndUnknownIs404() {
    String id = api.createConversation();

    assertThat(ApiClient.json(api.get("conversations/" + id + "/")).get("id").asString())
        .isEqualTo(id);
    assertThat(api.get("conversations/unknown/").body()).isEqualTo("{\"detail\":\"Not found.\"}");
  }
}
