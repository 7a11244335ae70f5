DROP INDEX submissions_feed_position;
ALTER TABLE submissions DROP COLUMN feed_position;
DROP TABLE api_clients;
