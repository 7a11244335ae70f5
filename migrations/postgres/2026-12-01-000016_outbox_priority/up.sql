-- Emails that unlock an account (codes) go first, notifications next, reminders last
-- (api/src/email/outbox.rs). Claiming reads the index in that order.
ALTER TABLE email_outbox ADD COLUMN priority INTEGER NOT NULL DEFAULT 1;
UPDATE email_outbox SET priority = 0
  WHERE template IN ('verification_code', 'sign_in_code', 'password_reset', 'email_change_code', 'account_exists');
UPDATE email_outbox SET priority = 2 WHERE template = 'draft_expiring';
DROP INDEX email_outbox_due;
CREATE INDEX email_outbox_due ON email_outbox (status, priority, next_attempt_at);
