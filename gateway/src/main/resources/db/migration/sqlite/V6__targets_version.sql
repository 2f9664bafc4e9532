-- Keep in step with ../postgresql/V6__targets_version.sql.

-- Bumped by every transaction that changes a target. The delivery recorder reads it inside each
-- message's transaction, so a target committed before the message gets its delivery even when
-- it was created a moment ago, or on another gateway instance.
CREATE TABLE targets_version (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  version BIGINT  NOT NULL
);
INSERT INTO targets_version (id, version) VALUES (1, 0);
