-- The council's own reference for a person, as its case-management system knows them: imports
-- match involvements to people by it, and a record already imported is not imported twice.
ALTER TABLE people ADD COLUMN council_reference TEXT;
CREATE UNIQUE INDEX people_council_reference ON people (council_reference);
