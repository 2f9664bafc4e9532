-- Keep in step with ../postgresql/V14__history_indexes.sql.

-- Reads whose cost must not grow with the history: each of these was a full scan of the
-- deliveries (or of every attempt of a target) once a store held millions of them.

-- Delivery lists, newest first, unfiltered (the console's default page).
CREATE INDEX deliveries_by_creation ON deliveries (created_at_ms, message_seq);
-- One target's deliveries, newest first.
CREATE INDEX deliveries_by_target_creation ON deliveries (target_id, created_at_ms, message_seq);
-- One target's deliveries of one status, newest first (its dead letters), and its counts by
-- status (target health) read from the index alone.
CREATE INDEX deliveries_by_target_status
  ON deliveries (target_id, status, created_at_ms, message_seq);
-- A target's latest failed attempt (target health): failures are few next to successes, so the
-- newest ones are found without walking every successful attempt.
CREATE INDEX delivery_attempts_failed ON delivery_attempts (started_at_ms)
  WHERE error IS NOT NULL OR status_code < 200 OR status_code > 299;
