-- A person (or their proxy) asks for a document, or their documents, in another format: large
-- print, easy read, audio, braille or another language. The request arrives as a message to
-- the team (thread_id); staff answer it by publishing the new version (answered_by).
CREATE TABLE format_requests (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES people (id),
    document_id TEXT REFERENCES documents (id),
    format TEXT NOT NULL CHECK (format IN ('large_print', 'easy_read', 'audio', 'braille', 'another_language')),
    language TEXT,
    requested_by TEXT NOT NULL REFERENCES accounts (id),
    requested_at TIMESTAMP NOT NULL,
    thread_id TEXT NOT NULL REFERENCES message_threads (id),
    answered_by TEXT REFERENCES documents (id),
    answered_at TIMESTAMP
);
CREATE INDEX format_requests_person ON format_requests (person_id, requested_at, id);
