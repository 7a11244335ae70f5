DROP TABLE document_opens;
DROP TABLE documents;
DROP TABLE message_reads;
DROP TABLE messages;
DROP TABLE message_threads;
DROP TABLE involvements;
DROP TABLE person_links;
DROP TABLE people;
