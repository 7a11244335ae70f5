-- Files attached to forms (a care plan, supporting documents), kept in the database with their
-- SHA-256, size and checked type. An upload belongs to the account that sent it until a
-- submission takes it; one never taken is purged 31 days after a draft last used it.
CREATE TABLE uploads (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    submission_id TEXT REFERENCES submissions (id),
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    content BLOB NOT NULL,
    created_at TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP NOT NULL
);
CREATE INDEX uploads_submission ON uploads (submission_id);
-- The purge finds uploads no submission took, by when a draft last used them.
CREATE INDEX uploads_unattached_last_used ON uploads (last_used_at) WHERE submission_id IS NULL;
