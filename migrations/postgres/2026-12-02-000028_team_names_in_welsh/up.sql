-- A team's name in Welsh, from the council file, for the people who read the pages in Welsh.
ALTER TABLE teams ADD COLUMN name_cy TEXT;
