-- Machine clients (a council's case-management system, its data team): a name, the scopes they
-- may use, and a secret kept only as a keyed hash. Revoked clients stay, for the record.
CREATE TABLE api_clients (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    scopes TEXT NOT NULL,
    secret_hash TEXT NOT NULL UNIQUE,
    created_by TEXT NOT NULL REFERENCES accounts (id),
    created_at TIMESTAMP NOT NULL,
    secret_set_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);

-- The submissions feed's order: a position given as each submission commits, so a reader who
-- keeps the last position it saw never misses or repeats one (see referrals::submissions).
-- Submissions made before this change are numbered in the order they were made.
ALTER TABLE submissions ADD COLUMN feed_position BIGINT;
UPDATE submissions SET feed_position = ordered.position FROM (SELECT id, row_number() OVER (ORDER BY submitted_at, id) AS position FROM submissions) AS ordered WHERE ordered.id = submissions.id;
CREATE UNIQUE INDEX submissions_feed_position ON submissions (feed_position);
