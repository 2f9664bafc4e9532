-- Keep in step with ../sqlite/V1__messages_conversations_quarantine.sql.
-- Times are epoch milliseconds (UTC) in both dialects.

CREATE TABLE messages (
  -- Commit order: batches take an advisory lock before inserting (see Dialect), so
  -- identity values are handed out in commit order across gateway instances.
  seq                  BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  message_id           TEXT    NOT NULL UNIQUE,
  conversation_id      TEXT    NOT NULL,
  message_type         TEXT,
  content              TEXT    NOT NULL,
  sender_id            TEXT,
  sender_name          TEXT,
  sender_avatar        TEXT,
  created_at_ms        BIGINT,
  received_at_ms       BIGINT  NOT NULL,
  attachment_count     INTEGER NOT NULL,
  citation_count       INTEGER NOT NULL,
  -- The exact bytes MaiAgent sent; the columns above are a normalised copy.
  body                 BYTEA   NOT NULL,
  body_sha256          BYTEA   NOT NULL,
  duplicate_count      INTEGER NOT NULL DEFAULT 0,
  conflict_count       INTEGER NOT NULL DEFAULT 0,
  last_duplicate_at_ms BIGINT
);

CREATE INDEX messages_by_conversation ON messages (conversation_id, seq);

CREATE TABLE conversations (
  conversation_id     TEXT    PRIMARY KEY,
  first_seen_at_ms    BIGINT  NOT NULL,
  last_activity_at_ms BIGINT  NOT NULL,
  last_seq            BIGINT  NOT NULL,
  message_count       INTEGER NOT NULL
);

CREATE INDEX conversations_by_activity ON conversations (last_seq);

CREATE TABLE quarantine (
  id               BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  body_sha256      BYTEA   NOT NULL UNIQUE,
  body             BYTEA   NOT NULL,
  body_bytes       INTEGER NOT NULL,
  problem_code     TEXT    NOT NULL,
  detail           TEXT    NOT NULL,
  content_type     TEXT,
  first_seen_at_ms BIGINT  NOT NULL,
  last_seen_at_ms  BIGINT  NOT NULL,
  seen_count       INTEGER NOT NULL
);
