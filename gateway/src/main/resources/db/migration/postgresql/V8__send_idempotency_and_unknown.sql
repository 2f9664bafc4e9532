-- Keep in step with ../sqlite/V8__send_idempotency_and_unknown.sql.

-- sends.status gains 'unknown': MaiAgent may have taken the message (a 5xx, a timeout, or the
-- gateway failing to record MaiAgent's 201). It holds its conversation like 'sent' and can be
-- replied to; nothing in the column's type changes.

-- The caller's Idempotency-Key: a retried POST with the same key finds the same send.
ALTER TABLE sends ADD COLUMN idempotency_key TEXT;
-- Unique per conversation; sends without a key (NULL) never conflict.
CREATE UNIQUE INDEX sends_by_idempotency_key ON sends (conversation_id, idempotency_key);

-- Replies are matched to the latest send dispatched before them, and stale 'sending' sends are
-- found by dispatch time.
CREATE INDEX sends_by_dispatch ON sends (conversation_id, dispatched_at_ms);

-- Waits re-check sends settled by other instances by their last change.
CREATE INDEX sends_by_update ON sends (updated_at_ms);
