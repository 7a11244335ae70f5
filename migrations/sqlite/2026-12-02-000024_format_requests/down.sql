DROP TABLE format_requests;
