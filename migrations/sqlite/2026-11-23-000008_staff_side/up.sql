-- Staff belong to teams: a team's referrals and messages are what its members answer.
CREATE TABLE team_members (
    team_key TEXT NOT NULL REFERENCES teams (key),
    account_id TEXT NOT NULL REFERENCES accounts (id),
    added_at TIMESTAMP NOT NULL,
    PRIMARY KEY (team_key, account_id)
);
CREATE INDEX team_members_account ON team_members (account_id);

-- Triage: every submission is due 10 working days after it arrived and may be given to a
-- worker. Submissions made before this change are given two weeks (the 10 working days without
-- holidays), which is what a person would have counted.
ALTER TABLE submissions ADD COLUMN due_on DATE;
ALTER TABLE submissions ADD COLUMN assigned_to TEXT REFERENCES accounts (id);
UPDATE submissions SET due_on = date(submitted_at, '+14 days');
-- The queue, soonest due first, with or without a status.
CREATE INDEX submissions_due ON submissions (due_on, id);
CREATE INDEX submissions_status_due ON submissions (status, due_on, id);

-- Every change of a submission's status, team or worker, and every note, with who and when.
CREATE TABLE submission_events (
    id TEXT PRIMARY KEY NOT NULL,
    submission_id TEXT NOT NULL REFERENCES submissions (id),
    actor_id TEXT NOT NULL REFERENCES accounts (id),
    status TEXT CHECK (status IN ('received', 'in_review', 'accepted', 'declined', 'more_information_needed')),
    team_key TEXT REFERENCES teams (key),
    assigned_to TEXT REFERENCES accounts (id),
    note TEXT,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX submission_events_submission ON submission_events (submission_id, created_at, id);

-- A message from a person is unread for the team until someone in it opens the conversation.
ALTER TABLE messages ADD COLUMN team_read_at TIMESTAMP;
CREATE INDEX messages_team_unread ON messages (thread_id, sender, team_read_at);

-- Who at the council read or changed which record, and when. Never updated or deleted.
CREATE TABLE audit_events (
    id TEXT PRIMARY KEY NOT NULL,
    actor_id TEXT NOT NULL REFERENCES accounts (id),
    action TEXT NOT NULL,
    subject_type TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    person_id TEXT REFERENCES people (id),
    at TIMESTAMP NOT NULL
);
CREATE INDEX audit_events_at ON audit_events (at, id);
CREATE INDEX audit_events_person_at ON audit_events (person_id, at, id);
CREATE INDEX audit_events_actor_at ON audit_events (actor_id, at, id);

-- Staff find people by surname.
CREATE INDEX people_surname ON people (surname, forename, id);
