-- Forms saved for later. `version` goes up on every save so that a stale save is refused;
-- a draft is deleted 30 days after its last save, with a reminder a few days before.
CREATE TABLE drafts (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    form_id TEXT NOT NULL,
    form_version INTEGER NOT NULL,
    version INTEGER NOT NULL,
    answers TEXT NOT NULL,
    page_id TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    reminded_at TIMESTAMP
);
-- "Your saved forms", newest first, one page at a time.
CREATE INDEX drafts_account_updated ON drafts (account_id, updated_at, id);
-- The purge and the reminder find drafts near or past their expiry.
CREATE INDEX drafts_expires_at ON drafts (expires_at);

-- Forms sent to the council: answers frozen with the form version they answered.
-- A retry with the same Idempotency-Key finds the first submission instead of making another.
CREATE TABLE submissions (
    id TEXT PRIMARY KEY NOT NULL,
    reference TEXT NOT NULL UNIQUE,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    form_id TEXT NOT NULL,
    form_version INTEGER NOT NULL,
    form_title TEXT NOT NULL,
    answers TEXT NOT NULL,
    -- The check-answers rows as the referrer saw them, so print and PDF never change.
    summary TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('received', 'in_review', 'accepted', 'declined', 'more_information_needed')),
    submitted_at TIMESTAMP NOT NULL,
    status_changed_at TIMESTAMP NOT NULL,
    idempotency_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    UNIQUE (account_id, idempotency_key)
);
-- "Forms submitted in the last 30 days", newest first.
CREATE INDEX submissions_account_submitted ON submissions (account_id, submitted_at, id);
