-- Keep in step with ../postgresql/V2__bridge_sends.sql.

-- Conversations the gateway created at MaiAgent through the bridge.
CREATE TABLE bridge_conversations (
  conversation_id TEXT    PRIMARY KEY,
  web_chat_id     TEXT    NOT NULL,
  created_at_ms   INTEGER NOT NULL
);

-- Messages sent to MaiAgent through the bridge, and what became of them.
CREATE TABLE sends (
  -- Queue position: sends of one conversation go to MaiAgent one at a time in this order.
  queue_position      INTEGER PRIMARY KEY AUTOINCREMENT,
  send_id            TEXT    NOT NULL UNIQUE,
  conversation_id    TEXT    NOT NULL,
  content            TEXT    NOT NULL,
  -- JSON array exactly as sent to MaiAgent.
  attachments        TEXT    NOT NULL,
  -- queued | sending | sent | replied | failed
  status             TEXT    NOT NULL,
  created_at_ms      INTEGER NOT NULL,
  dispatched_at_ms   INTEGER,
  receipt_message_id TEXT,
  reply_count        INTEGER NOT NULL DEFAULT 0,
  error_status       INTEGER,
  error_detail       TEXT,
  error_body         TEXT,
  updated_at_ms      INTEGER NOT NULL
);

CREATE INDEX sends_by_conversation ON sends (conversation_id, queue_position);
CREATE INDEX sends_by_status ON sends (status, queue_position);

-- Replies matched to a send; a reply is matched at most once.
CREATE TABLE send_replies (
  send_id     TEXT    NOT NULL REFERENCES sends (send_id),
  message_seq INTEGER NOT NULL UNIQUE REFERENCES messages (seq),
  PRIMARY KEY (send_id, message_seq)
);
