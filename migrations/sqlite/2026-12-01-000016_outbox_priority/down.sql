DROP INDEX email_outbox_due;
CREATE INDEX email_outbox_due ON email_outbox (status, next_attempt_at);
ALTER TABLE email_outbox DROP COLUMN priority;
