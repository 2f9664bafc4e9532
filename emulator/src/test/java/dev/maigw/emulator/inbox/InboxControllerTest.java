package dev.maigw.emulator.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.emulator.MaiAgentEmulator;
import dev.maigw.emulator.testing.ApiClient;
import dev.maigw.emulator.testing.SharedEmulator;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

class InboxControllerTest {
  @RegisterExtension static final SharedEmulator shared = new SharedEmulator();

  private final MaiAgentEmulator emulator = shared.emulator();
  private final ApiClient api = shared.api();

  @Test
  void followingAbsoluteNextUrlsVisitsEveryInboxOnce() {
    List<String> ids = new ArrayList<>();
    JsonNode page = ApiClient.json(api.get("inboxes/?page=1&pageSize=2"));
    int pages = 1;
    page.get("results").forEach(inbox -> ids.add(inbox.get("id").asString()));
    while (!page.get("next").isNull()) {
      URI next = URI.create(page.get("next").asString());
      assertThat(next.isAbsolute()).isTrue();
      page = ApiClient.json(api.send(api.api(next.toString()).GET()));
      page.get("results").forEach(inbox -> ids.add(inbox.get("id").asString()));
      pages++;
    }

    assertThat(pages).isEqualTo(3);
    assertThat(ids).hasSize(5).doesNotHaveDuplicates();
    assertThat(page.get("count").asInt()).isEqualTo(5);
    assertThat(page.get("previous").asString()).startsWith(emulator.baseUrl() + "inboxes/?page=2");
  }

  @Test
  void itemsCarryTheSchemaFieldsAndTheSamplesChannel() {
    JsonNode first = ApiClient.json(api.get("inboxes/")).get("results").get(0);

    assertThat(first.propertyNames())
        .containsExactly("id", "name", "channelType", "unreadConversationsCount", "channel");
    assertThat(first.get("channel").get("id").asString())
        .isEqualTo(InboxDirectory.DEFAULT_WEB_CHAT_ID);
  }

  @Test
  void filtersByChannelType() {
    JsonNode page = ApiClient.json(api.get("inboxes/?channelType=web"));

    assertThat(page.get("count").asInt()).isEqualTo(2);
  }

  @Test
  void pageBeyondTheEndAnswers404InvalidPage() {
    assertThat(api.get("inboxes/?page=9").body()).isEqualTo("{\"detail\":\"Invalid page.\"}");
  }
}
