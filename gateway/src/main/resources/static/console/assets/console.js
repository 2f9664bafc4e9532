// The console's only script, served from the gateway itself (the CSP allows no other). It never
// turns stored text into markup: everything it adds to a page goes in as textContent.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("button.copy-button").forEach((button) => {
    button.addEventListener("click", () => {
      const source = document.getElementById(button.dataset.copy);
      if (source && navigator.clipboard) {
        navigator.clipboard.writeText(source.textContent).then(
          () => { button.textContent = "Copied"; },
          () => { button.textContent = "Select and copy"; });
      }
    });
  });
  const live = document.getElementById("live");
  if (live) {
    followStream(live);
  }
});

/** Follows /api/stream from the page's newest message on; Pause closes it, Resume picks up. */
function followStream(live) {
  const toggle = document.getElementById("live-toggle");
  const state = document.getElementById("live-state");
  const count = document.getElementById("live-count");
  let lastId = live.dataset.after || "0";
  let source = null;
  let received = 0;

  const open = () => {
    const query = new URLSearchParams({ after: lastId });
    if (live.dataset.conversation) {
      query.set("conversation", live.dataset.conversation);
    }
    source = new EventSource(live.dataset.stream + "?" + query.toString());
    source.onopen = () => { state.textContent = "live"; };
    source.onerror = () => { state.textContent = "reconnecting…"; };
    source.addEventListener("message", (event) => {
      lastId = event.lastEventId || lastId;
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      received += 1;
      count.textContent = String(received);
      live.prepend(render(message, live.dataset));
    });
  };

  toggle.addEventListener("click", () => {
    if (source) {
      source.close();
      source = null;
      toggle.textContent = "Resume";
      state.textContent = "paused";
    } else {
      toggle.textContent = "Pause";
      state.textContent = "connecting…";
      open();
    }
  });
  open();
}

/** One streamed message as a chat bubble, built from text nodes only. */
function render(message, links) {
  const item = document.createElement("article");
  item.className = "bubble reply live-item fresh";
  const header = document.createElement("header");
  const sender = document.createElement("strong");
  sender.className = "sender-name";
  sender.textContent = (message.sender && message.sender.name) || "(no name)";
  header.append(sender, " ", badge(message.type || "(no type)"), " ");
  const conversation = document.createElement("a");
  conversation.href = links.conversationBase + "?id=" + encodeURIComponent(message.conversation);
  conversation.textContent = message.conversation;
  const raw = document.createElement("a");
  raw.href = links.messageBase + "?id=" + encodeURIComponent(message.id);
  raw.textContent = "raw";
  const time = document.createElement("span");
  time.className = "muted";
  time.textContent = message.receivedAt || "";
  header.append(conversation, " ", time, " ", raw);
  const content = document.createElement("div");
  content.className = "content plain live-content";
  const text = message.content || "";
  content.textContent = text.length > 2000 ? text.slice(0, 2000) + "…" : text;
  item.append(header, content);
  return item;
}

function badge(text) {
  const span = document.createElement("span");
  span.className = "badge";
  span.textContent = text;
  return span;
}
