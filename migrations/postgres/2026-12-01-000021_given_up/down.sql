DROP INDEX webhook_deliveries_given_up;
DROP INDEX email_outbox_given_up;
ALTER TABLE webhook_deliveries DROP COLUMN replayed_at;
