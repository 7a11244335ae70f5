-- Who each submission is about, as its answers said when it arrived, so the queue can show
-- it (name, date of birth, postcode) without reading answers.
ALTER TABLE submissions ADD COLUMN about_name TEXT;
ALTER TABLE submissions ADD COLUMN about_date_of_birth DATE;
ALTER TABLE submissions ADD COLUMN about_postcode TEXT;
-- The first change of status, and how many working days after arrival it came: the overview's
-- time to first response reads these through an index instead of the history.
ALTER TABLE submissions ADD COLUMN first_status_at TIMESTAMP;
ALTER TABLE submissions ADD COLUMN response_days INTEGER;
UPDATE submissions SET first_status_at = (
    SELECT MIN(e.created_at) FROM submission_events e
    WHERE e.submission_id = submissions.id AND e.status IS NOT NULL);
-- "Assigned to me" and "my teams", soonest due first; newest first; the overview's weeks.
CREATE INDEX submissions_assigned_due ON submissions (assigned_to, due_on, id);
CREATE INDEX submissions_team_due ON submissions (team_key, due_on, id);
CREATE INDEX submissions_submitted ON submissions (submitted_at, id);
-- Forms started and sent, a row per day and form, counted as it happens: drafts are deleted
-- when sent or expired, so the overview's abandonment cannot be read back from them.
CREATE TABLE form_days (
    day DATE NOT NULL,
    form_id TEXT NOT NULL,
    drafts_started INTEGER NOT NULL DEFAULT 0,
    drafts_sent INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, form_id)
);
