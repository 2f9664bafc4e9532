-- Keep in step with ../sqlite/V7__delivery_lease_owner.sql.

-- Who holds a delivery's lease: a random token set with every lease (claim or the message's own
-- commit). An attempt's result is recorded on the delivery only while its lease is still the
-- current one, so a worker whose lease ran out can neither clear the new holder's lease nor move
-- a delivered delivery back.
ALTER TABLE deliveries ADD COLUMN lease_owner TEXT;

-- 1: the attempt was made, but its lease had run out by the time it was recorded, so it did not
-- change the delivery (another attempt had taken over). Kept so the timeline shows every call.
ALTER TABLE delivery_attempts ADD COLUMN lease_lost INTEGER NOT NULL DEFAULT 0;

-- A new delivery status, 'cancelled': the delivery's target was deleted before it was delivered.
-- Kept for history and never sent again, so a target recreated under the same id (configured
-- targets are cfg-<name>) starts with nothing to send. Deliveries left behind by targets
-- deleted before this version are ended the same way.
UPDATE deliveries SET status = 'cancelled', lease_until_ms = NULL,
    last_error = 'The target was deleted.'
WHERE status IN ('pending', 'dead')
  AND NOT EXISTS (SELECT 1 FROM targets t WHERE t.target_id = deliveries.target_id);
