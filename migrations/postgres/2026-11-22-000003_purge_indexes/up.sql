-- The hourly purge finds old rows by these columns without scanning whole tables.
CREATE INDEX sessions_expires_at ON sessions (expires_at);
CREATE INDEX one_time_codes_expires_at ON one_time_codes (expires_at);
CREATE INDEX throttles_window_started_at ON throttles (window_started_at);
CREATE INDEX email_outbox_sent_at ON email_outbox (sent_at);
CREATE INDEX accounts_unverified_created_at ON accounts (created_at) WHERE email_verified_at IS NULL;
