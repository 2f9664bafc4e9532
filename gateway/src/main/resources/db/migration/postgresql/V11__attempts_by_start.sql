-- Keep in step with ../sqlite/V11__attempts_by_start.sql.

-- The console shows each target's success rate over the last 24 hours, counted from the attempts
-- started since then; without this index that count reads every attempt ever made.
CREATE INDEX delivery_attempts_by_start ON delivery_attempts (started_at_ms);
