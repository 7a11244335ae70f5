-- Portable types, the same in both backends' schema.rs: ids are TEXT (UUIDv7, so they sort by
-- creation), times are TIMESTAMP in UTC, flags are BOOLEAN.

CREATE TABLE teams (
    key TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    email TEXT,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE message_types (
    key TEXT PRIMARY KEY NOT NULL,
    label TEXT NOT NULL,
    team_key TEXT NOT NULL REFERENCES teams (key),
    position INTEGER NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE accounts (
    id TEXT PRIMARY KEY NOT NULL,
    -- Stored lower-cased, so one address is one account however it is typed.
    email TEXT NOT NULL UNIQUE,
    forename TEXT NOT NULL,
    surname TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('public', 'staff', 'administrator')),
    email_verified_at TIMESTAMP,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until TIMESTAMP,
    disabled_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE sessions (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- Every refresh token descends from one sign-in; reuse of a rotated one ends the family.
    family_id TEXT NOT NULL,
    refresh_token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    last_active_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    rotated_at TIMESTAMP,
    revoked_at TIMESTAMP
);
CREATE INDEX sessions_account_id ON sessions (account_id);
CREATE INDEX sessions_family_id ON sessions (family_id);

CREATE TABLE one_time_codes (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    purpose TEXT NOT NULL CHECK (purpose IN ('verify_email', 'sign_in', 'reset_password', 'change_email')),
    -- The address the code was sent to: for a change of email, the new one.
    email TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    consumed_at TIMESTAMP
);
CREATE INDEX one_time_codes_account_purpose ON one_time_codes (account_id, purpose, created_at);

CREATE TABLE email_outbox (
    id TEXT PRIMARY KEY NOT NULL,
    to_address TEXT NOT NULL,
    template TEXT NOT NULL,
    subject TEXT NOT NULL,
    text_body TEXT NOT NULL,
    html_body TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    -- A node that claims a message holds it until then, so two nodes never send it twice.
    locked_until TIMESTAMP,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP
);
CREATE INDEX email_outbox_due ON email_outbox (status, next_attempt_at);

-- Data loaded once (the demonstration accounts), so a restart does not load it again.
CREATE TABLE data_loads (
    name TEXT PRIMARY KEY NOT NULL,
    loaded_at TIMESTAMP NOT NULL
);
