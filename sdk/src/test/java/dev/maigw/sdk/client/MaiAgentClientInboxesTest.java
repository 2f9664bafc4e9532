package dev.maigw.sdk.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maigw.emulator.inbox.InboxDirectory;
import dev.maigw.emulator.system.RecordedRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Inbox listing across pages, over loopback HTTP against the emulator. */
class MaiAgentClientInboxesTest {

  @RegisterExtension static final TestEmulator mai = new TestEmulator();

  @Test
  void listsEveryInboxByFollowingNextAcrossPages() {
    List<Inbox> inboxes = mai.client().pageSize(2).build().listInboxes();

    assertThat(inboxes).hasSize(5);
    assertThat(inboxes.get(0))
        .isEqualTo(
            new Inbox(
                "3f0a1c52-8b1e-4d2a-9c47-0e6b5d2f7a11",
                "官方網站客服",
                "web",
                InboxDirectory.DEFAULT_WEB_CHAT_ID,
                "官網 Web Chat"));
    assertThat(inboxes).extracting(Inbox::id).doesNotHaveDuplicates();
    assertThat(mai.requests("GET", "/api/v1/inboxes/"))
        .extracting(RecordedRequest::target)
        .containsExactly(
            "/api/v1/inboxes/?pageSize=2",
            "/api/v1/inboxes/?page=2&pageSize=2",
            "/api/v1/inboxes/?page=3&pageSize=2");
  }

  @Test
  void listsInOneCallWhenMaiAgentsPageHoldsThemAll() {
    List<Inbox> inboxes = mai.client().build().listInboxes();

    assertThat(inboxes).extracting(Inbox::channelType).contains("web", "line", "telegram");
    assertThat(mai.requests("GET", "/api/v1/inboxes/"))
        .extracting(RecordedRequest::target)
        .containsExactly("/api/v1/inboxes/");
  }
}
