-- A referral is matched to the records the council holds: by NHS number (ten digits, no
-- spaces), then by surname and date of birth, then by postcode and date of birth.
ALTER TABLE people ADD COLUMN nhs_number TEXT;
CREATE INDEX people_nhs_number ON people (nhs_number);
CREATE INDEX people_date_of_birth ON people (date_of_birth, surname);
-- The referrals linked to a person, on their record.
CREATE INDEX submissions_person ON submissions (person_id, submitted_at);
