-- Keep in step with ../sqlite/V12__retention_tombstones.sql.

-- What is left of a message once retention has purged it: its id (so a sender's retry is still
-- answered "duplicate" and not stored again) and its body hash (so a retry with another body is
-- still told apart as a conflict). Purged in turn once the dedupe window has passed.
CREATE TABLE message_tombstones (
  message_id       TEXT    PRIMARY KEY,
  body_sha256      BYTEA   NOT NULL,
  -- When the message was first received (its received_at_ms); the dedupe window runs from here.
  first_seen_at_ms BIGINT  NOT NULL,
  purged_at_ms     BIGINT  NOT NULL
);

CREATE INDEX message_tombstones_by_first_seen ON message_tombstones (first_seen_at_ms);

-- The purge looks for messages received before the cutoff, oldest first; without this index each
-- batch would read the table from the start.
CREATE INDEX messages_by_received ON messages (received_at_ms, seq);

-- Finished sends are purged by their last change.
CREATE INDEX sends_by_status_update ON sends (status, updated_at_ms);
