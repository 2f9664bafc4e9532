-- SQLite only (PostgreSQL counts from the deliveries_by_target_status index instead: a shared
-- counter row would serialize, and across instances deadlock, concurrent commits).

-- Target health without reading a target's whole history: its deliveries counted by status, and
-- its latest failed attempt, kept by triggers in the same transaction as every change to
-- deliveries and attempts (recording, settling, cancelling, retrying the dead, purging).
CREATE TABLE target_delivery_counts (
  target_id  TEXT    NOT NULL,
  status     TEXT    NOT NULL,
  deliveries INTEGER NOT NULL,
  PRIMARY KEY (target_id, status)
) WITHOUT ROWID;

INSERT INTO target_delivery_counts (target_id, status, deliveries)
  SELECT target_id, status, COUNT(*) FROM deliveries GROUP BY target_id, status;

CREATE TRIGGER target_delivery_counts_insert AFTER INSERT ON deliveries
BEGIN
  INSERT INTO target_delivery_counts (target_id, status, deliveries)
    VALUES (NEW.target_id, NEW.status, 1)
    ON CONFLICT (target_id, status) DO UPDATE SET deliveries = deliveries + 1;
END;

CREATE TRIGGER target_delivery_counts_status AFTER UPDATE OF status ON deliveries
  WHEN OLD.status <> NEW.status
BEGIN
  UPDATE target_delivery_counts SET deliveries = deliveries - 1
    WHERE target_id = OLD.target_id AND status = OLD.status;
  INSERT INTO target_delivery_counts (target_id, status, deliveries)
    VALUES (NEW.target_id, NEW.status, 1)
    ON CONFLICT (target_id, status) DO UPDATE SET deliveries = deliveries + 1;
END;

CREATE TRIGGER target_delivery_counts_delete AFTER DELETE ON deliveries
BEGIN
  UPDATE target_delivery_counts SET deliveries = deliveries - 1
    WHERE target_id = OLD.target_id AND status = OLD.status;
END;

-- The newest failed attempt per target (an error, or a status outside 2xx). Kept when retention
-- purges the attempt itself: it is the target's latest failure all the same.
CREATE TABLE target_latest_failures (
  target_id     TEXT    PRIMARY KEY,
  started_at_ms INTEGER NOT NULL,
  error         TEXT    NOT NULL
);

INSERT INTO target_latest_failures (target_id, started_at_ms, error)
  SELECT target_id, started_at_ms, error FROM (
    SELECT d.target_id AS target_id, a.started_at_ms AS started_at_ms,
           COALESCE(a.error, 'HTTP ' || a.status_code) AS error,
           ROW_NUMBER() OVER (PARTITION BY d.target_id ORDER BY a.started_at_ms DESC) AS newest
    FROM delivery_attempts a JOIN deliveries d ON d.delivery_id = a.delivery_id
    WHERE a.error IS NOT NULL OR a.status_code < 200 OR a.status_code > 299)
  WHERE newest = 1;

CREATE TRIGGER target_latest_failures_attempt AFTER INSERT ON delivery_attempts
  WHEN NEW.error IS NOT NULL OR NEW.status_code < 200 OR NEW.status_code > 299
BEGIN
  INSERT INTO target_latest_failures (target_id, started_at_ms, error)
    SELECT target_id, NEW.started_at_ms, COALESCE(NEW.error, 'HTTP ' || NEW.status_code)
    FROM deliveries WHERE delivery_id = NEW.delivery_id
    ON CONFLICT (target_id) DO UPDATE SET started_at_ms = excluded.started_at_ms,
                                          error = excluded.error
      WHERE excluded.started_at_ms >= target_latest_failures.started_at_ms;
END;
