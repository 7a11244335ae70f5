DROP INDEX people_council_reference;
ALTER TABLE people DROP COLUMN council_reference;
