-- A person's inbox and sent lists read their newest messages straight from this index, however
-- many they have: with the person only on the thread, every page sorted all of them.
ALTER TABLE messages ADD COLUMN person_id TEXT REFERENCES people (id);
UPDATE messages SET person_id = (
    SELECT message_threads.person_id FROM message_threads WHERE message_threads.id = messages.thread_id
);
CREATE INDEX messages_person_sender_created ON messages (person_id, sender, created_at, id);
