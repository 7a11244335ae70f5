-- Each council file applied, newest last. Every node runs with the newest: a node started with a
-- different file (say, mid-way through a rolling deploy) does not apply it on its own, so nodes
-- never flip teams between active and inactive; `portal council apply` makes a file the newest.
CREATE TABLE council_versions (
    id TEXT PRIMARY KEY NOT NULL,
    -- The SHA-256 of the file's text, in hex.
    version TEXT NOT NULL,
    -- The file as written, so that a node with another file runs with exactly this one.
    text TEXT NOT NULL,
    applied_at TIMESTAMP NOT NULL
);
CREATE INDEX council_versions_newest ON council_versions (applied_at, id);
