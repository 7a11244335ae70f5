DROP INDEX submissions_team_submitted;
ALTER TABLE submissions DROP COLUMN team_key;
ALTER TABLE submissions DROP COLUMN person_id;
DROP TABLE form_requests;
