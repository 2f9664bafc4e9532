-- Keep in step with ../sqlite/V3__delivery_targets.sql.

-- The integrator's endpoints that stored replies are forwarded to.
CREATE TABLE targets (
  target_id           TEXT    PRIMARY KEY,
  name                TEXT    NOT NULL,
  url                 TEXT    NOT NULL,
  -- Standard Webhooks signing secret, whsec_<base64>.
  secret              TEXT    NOT NULL,
  -- Comma-separated message types to forward (compared case-insensitively); empty = all.
  message_types       TEXT    NOT NULL,
  conversation_filter TEXT,
  sender_filter       TEXT,
  content_filter      TEXT,
  -- JSON object of extra request headers.
  headers             TEXT    NOT NULL,
  timeout_ms          INTEGER NOT NULL,
  -- 1: one conversation's replies are delivered one at a time, in commit order.
  ordered             INTEGER NOT NULL,
  enabled             INTEGER NOT NULL,
  disabled_reason     TEXT,
  created_at_ms       BIGINT  NOT NULL,
  updated_at_ms       BIGINT  NOT NULL
);
