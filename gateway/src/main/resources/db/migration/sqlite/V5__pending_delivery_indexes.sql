-- Keep in step with ../postgresql/V5__pending_delivery_indexes.sql.

-- Claims look for one target's due deliveries, and the ordered-target check (at record time and
-- in claims) for a conversation's pending ones. Both ask only about pending deliveries, which are
-- few next to the delivered ones: partial indexes keep those lookups short however long the
-- history grows, and a target with a deep backlog costs nothing to another target's claims.
DROP INDEX deliveries_due;
DROP INDEX deliveries_by_target;
CREATE INDEX deliveries_pending_due
  ON deliveries (target_id, next_attempt_at_ms, message_seq) WHERE status = 'pending';
CREATE INDEX deliveries_pending_by_conversation
  ON deliveries (target_id, conversation_id, message_seq) WHERE status = 'pending';
-- Listing by status (dead letters), newest first.
CREATE INDEX deliveries_by_status ON deliveries (status, created_at_ms, message_seq);
