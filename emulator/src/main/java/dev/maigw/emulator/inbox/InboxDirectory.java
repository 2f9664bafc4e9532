package dev.maigw.emulator.inbox;

import java.util.List;
import java.util.Optional;

/** The emulator's fixed inboxes; ids are stable across runs so examples can hard-code them. */
public final class InboxDirectory {
  /** The Web Chat ID of the first seeded inbox; handy default for examples and tests. */
  public static final String DEFAULT_WEB_CHAT_ID = "9a7c4e1e-6a0b-4c1f-8d0e-2f5b3c7a1d01";

  private final List<Inbox> inboxes =
      List.of(
          new Inbox(
              "3f0a1c52-8b1e-4d2a-9c47-0e6b5d2f7a11",
              "官方網站客服",
              "web",
              2,
              DEFAULT_WEB_CHAT_ID,
              "官網 Web Chat"),
          new Inbox(
              "b5d2e8f4-1c3a-4e6b-8f9d-7a2c0e4b6d22",
              "LINE 官方帳號",
              "line",
              5,
              "c1e3a5b7-2d4f-4a6c-9e8b-1f3d5a7c9e02",
              "LINE @maigw"),
          new Inbox(
              "d7f4a0b6-3e5c-4a8d-b1f2-9c4e2a6d8f33",
              "Telegram Bot",
              "telegram",
              0,
              "e3a5c7e9-4f6b-4c8e-b0a1-3b5f7c9e1a03",
              "@maigw_bot"),
          new Inbox(
              "f9b6c2d8-5a7e-4cab-93d4-1e6a4c8f0b44",
              "Facebook 粉絲專頁",
              "messenger",
              1,
              "a5c7e9b1-6b8d-4e0a-82c3-5d7b9e1a3c04",
              "MaiGW 粉絲專頁"),
          new Inbox(
              "1b8d4e0a-7c9a-4ecd-a5f6-3a8c6e0b2d55",
              "測試用 Web Chat",
              "web",
              0,
              "b7e9a1c3-8d0f-4a2c-a4e5-7f9d1b3c5e05",
              "Staging Web Chat"));

  public List<Inbox> all() {
    return inboxes;
  }

  /** The inbox whose channel has this Web Chat ID. */
  public Optional<Inbox> byWebChat(String webChatId) {
    return inboxes.stream().filter(inbox -> inbox.channelId().equals(webChatId)).findFirst();
  }

  /** Where conversations with an unrecognised Web Chat ID (and completions) are filed. */
  public Inbox defaultInbox() {
    return inboxes.get(0);
  }
}
