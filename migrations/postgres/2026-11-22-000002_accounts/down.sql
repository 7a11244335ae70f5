ALTER TABLE email_outbox DROP COLUMN claimed_by;
DROP TABLE spent_bot_checks;
DROP TABLE throttles;
