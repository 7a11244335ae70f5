DROP INDEX accounts_unverified_created_at;
DROP INDEX email_outbox_sent_at;
DROP INDEX throttles_window_started_at;
DROP INDEX one_time_codes_expires_at;
DROP INDEX sessions_expires_at;
