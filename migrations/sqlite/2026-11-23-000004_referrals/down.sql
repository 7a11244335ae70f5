DROP TABLE submissions;
DROP TABLE drafts;
