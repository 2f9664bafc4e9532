-- Keep in step with ../sqlite/V13__message_source.sql.

-- How a reply reached the gateway: 'webhook' (MaiAgent posted it) or 'reconciled' (read back from
-- MaiAgent's message list because its webhook never arrived). Rows stored before this column
-- existed all came by webhook.
ALTER TABLE messages ADD COLUMN source TEXT NOT NULL DEFAULT 'webhook';
