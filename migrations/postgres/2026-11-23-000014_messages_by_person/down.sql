DROP INDEX messages_person_sender_created;
ALTER TABLE messages DROP COLUMN person_id;
