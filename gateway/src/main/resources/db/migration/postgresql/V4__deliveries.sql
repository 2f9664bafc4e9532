-- Keep in step with ../sqlite/V4__deliveries.sql.

-- One per stored message and matching target, recorded in the message's own commit.
CREATE TABLE deliveries (
  -- Also the webhook-id header: the same for every attempt and replay.
  delivery_id        TEXT    PRIMARY KEY,
  target_id          TEXT    NOT NULL,
  message_seq        BIGINT  NOT NULL REFERENCES messages (seq),
  conversation_id    TEXT    NOT NULL,
  -- pending | delivered | dead
  status             TEXT    NOT NULL,
  attempts           INTEGER NOT NULL DEFAULT 0,
  next_attempt_at_ms BIGINT  NOT NULL,
  -- A worker holds the delivery until then; a crashed worker's lease simply runs out.
  lease_until_ms     BIGINT,
  last_status        INTEGER,
  last_error         TEXT,
  created_at_ms      BIGINT  NOT NULL,
  delivered_at_ms    BIGINT,
  UNIQUE (target_id, message_seq)
);

CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at_ms, message_seq);
CREATE INDEX deliveries_by_target ON deliveries (target_id, conversation_id, message_seq);
CREATE INDEX deliveries_by_message ON deliveries (message_seq);

-- Every attempt, for the API and for debugging a target.
CREATE TABLE delivery_attempts (
  delivery_id      TEXT    NOT NULL REFERENCES deliveries (delivery_id),
  attempt          INTEGER NOT NULL,
  started_at_ms    BIGINT  NOT NULL,
  latency_ms       BIGINT  NOT NULL,
  status_code      INTEGER,
  error            TEXT,
  response_snippet TEXT,
  PRIMARY KEY (delivery_id, attempt)
);
