-- Items to complete: forms the council sends a person. The answers so far live on the item, not
-- on an account, so the person and their proxies see the same progress; `version` goes up on
-- every save so that a save made from an older copy is refused instead of losing answers.
CREATE TABLE form_requests (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES people (id),
    form_id TEXT NOT NULL,
    -- The team that sent the form; the submission goes back to it.
    team_key TEXT NOT NULL REFERENCES teams (key),
    note TEXT,
    due_on DATE NOT NULL,
    sent_by TEXT NOT NULL REFERENCES accounts (id),
    sent_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL,
    answers TEXT NOT NULL,
    page_id TEXT,
    saved_at TIMESTAMP,
    saved_by TEXT REFERENCES accounts (id),
    submission_id TEXT UNIQUE REFERENCES submissions (id),
    withdrawn_at TIMESTAMP
);
-- "Items to complete", newest first, one page at a time.
CREATE INDEX form_requests_person_sent ON form_requests (person_id, sent_at, id);

-- A completed item is a submission about a person, for the team that asked for it. Referrals
-- leave both empty until staff triage them.
ALTER TABLE submissions ADD COLUMN person_id TEXT REFERENCES people (id);
ALTER TABLE submissions ADD COLUMN team_key TEXT REFERENCES teams (key);
CREATE INDEX submissions_team_submitted ON submissions (team_key, submitted_at, id);
