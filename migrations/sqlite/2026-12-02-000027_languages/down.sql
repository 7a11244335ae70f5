ALTER TABLE submissions DROP COLUMN language;
ALTER TABLE accounts DROP COLUMN language;
