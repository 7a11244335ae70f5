DROP INDEX submissions_person;
DROP INDEX people_date_of_birth;
DROP INDEX people_nhs_number;
ALTER TABLE people DROP COLUMN nhs_number;
