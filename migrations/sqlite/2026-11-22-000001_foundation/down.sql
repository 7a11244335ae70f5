DROP TABLE data_loads;
DROP TABLE email_outbox;
DROP TABLE one_time_codes;
DROP TABLE sessions;
DROP TABLE accounts;
DROP TABLE message_types;
DROP TABLE teams;
