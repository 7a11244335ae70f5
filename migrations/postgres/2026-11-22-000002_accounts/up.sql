-- Counters of failures and attempts, keyed by what is counted ("email:…", "address:…"), kept
-- whether or not an account exists, so that a lock never tells anyone an email is registered.
CREATE TABLE throttles (
    key TEXT PRIMARY KEY NOT NULL,
    count INTEGER NOT NULL,
    window_started_at TIMESTAMP NOT NULL,
    locked_until TIMESTAMP
);

-- Bot-check solutions already used: each solves one request only.
CREATE TABLE spent_bot_checks (
    signature TEXT PRIMARY KEY NOT NULL,
    expires_at TIMESTAMP NOT NULL
);
CREATE INDEX spent_bot_checks_expires_at ON spent_bot_checks (expires_at);

-- The node that claimed an outbox message, so that it can find what it claimed.
ALTER TABLE email_outbox ADD COLUMN claimed_by TEXT;
