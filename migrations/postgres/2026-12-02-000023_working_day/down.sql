DROP TABLE form_days;
DROP INDEX submissions_submitted;
DROP INDEX submissions_team_due;
DROP INDEX submissions_assigned_due;
ALTER TABLE submissions DROP COLUMN response_days;
ALTER TABLE submissions DROP COLUMN first_status_at;
ALTER TABLE submissions DROP COLUMN about_postcode;
ALTER TABLE submissions DROP COLUMN about_date_of_birth;
ALTER TABLE submissions DROP COLUMN about_name;
