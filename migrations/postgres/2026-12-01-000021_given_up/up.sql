-- A delivery given up on and then sent again (as a new delivery) keeps its status, `failed`,
-- and says when it was sent again, so that it leaves the operations page's list.
ALTER TABLE webhook_deliveries ADD COLUMN replayed_at TIMESTAMP;
-- The operations page lists what was given up on, newest first, a page at a time. Not partial
-- indexes: a status bound as a query parameter could not use them.
CREATE INDEX email_outbox_given_up ON email_outbox (status, created_at, id);
CREATE INDEX webhook_deliveries_given_up ON webhook_deliveries (status, created_at, id);
