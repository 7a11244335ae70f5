-- People: the care records staff keep, as the council holds them.
CREATE TABLE people (
    id TEXT PRIMARY KEY NOT NULL,
    forename TEXT NOT NULL,
    surname TEXT NOT NULL,
    date_of_birth DATE,
    address_line1 TEXT,
    address_line2 TEXT,
    town TEXT,
    postcode TEXT,
    email TEXT,
    home_phone TEXT,
    mobile_phone TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- Who may see a person's record: the person themself, or a proxy with a legal basis. A link
-- past its end date, or ended by staff, no longer works.
CREATE TABLE person_links (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES people (id),
    account_id TEXT NOT NULL REFERENCES accounts (id),
    relationship TEXT NOT NULL CHECK (relationship IN ('self', 'proxy')),
    legal_basis TEXT CHECK (legal_basis IN ('consent', 'lasting_power_of_attorney', 'deputyship')),
    ends_on DATE,
    created_at TIMESTAMP NOT NULL,
    ended_at TIMESTAMP,
    CHECK ((relationship = 'self' AND legal_basis IS NULL) OR (relationship = 'proxy' AND legal_basis IS NOT NULL))
);
CREATE INDEX person_links_account ON person_links (account_id, person_id);
CREATE INDEX person_links_person ON person_links (person_id);

-- The professionals working with a person now.
CREATE TABLE involvements (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES people (id),
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    team TEXT NOT NULL,
    phone TEXT,
    email TEXT,
    since DATE NOT NULL,
    ended_on DATE,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX involvements_person ON involvements (person_id, since);

-- Conversations about one person; the message type chose the team that receives it.
CREATE TABLE message_threads (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES people (id),
    message_type_key TEXT NOT NULL REFERENCES message_types (key),
    team_key TEXT NOT NULL REFERENCES teams (key),
    subject TEXT NOT NULL,
    started_by TEXT NOT NULL CHECK (started_by IN ('citizen', 'staff')),
    created_at TIMESTAMP NOT NULL,
    last_message_at TIMESTAMP NOT NULL
);
CREATE INDEX message_threads_person_last ON message_threads (person_id, last_message_at, id);
CREATE INDEX message_threads_team_last ON message_threads (team_key, last_message_at, id);

CREATE TABLE messages (
    id TEXT PRIMARY KEY NOT NULL,
    thread_id TEXT NOT NULL REFERENCES message_threads (id),
    -- 'citizen': the person or their proxy (author_account_id says who); 'staff': the team.
    sender TEXT NOT NULL CHECK (sender IN ('citizen', 'staff')),
    author_account_id TEXT REFERENCES accounts (id),
    author_name TEXT NOT NULL,
    body TEXT NOT NULL,
    -- The earlier message a reply answers; the reply shows it quoted beneath.
    in_reply_to TEXT REFERENCES messages (id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX messages_thread_created ON messages (thread_id, created_at, id);

-- When each reader first opened each message: unread is per reader.
CREATE TABLE message_reads (
    message_id TEXT NOT NULL REFERENCES messages (id),
    account_id TEXT NOT NULL REFERENCES accounts (id),
    read_at TIMESTAMP NOT NULL,
    PRIMARY KEY (message_id, account_id)
);

-- Items to view: documents published to a person, kept with their SHA-256, size and type.
CREATE TABLE documents (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES people (id),
    title TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    content BYTEA NOT NULL,
    published_by TEXT NOT NULL REFERENCES accounts (id),
    published_at TIMESTAMP NOT NULL,
    withdrawn_at TIMESTAMP
);
CREATE INDEX documents_person_published ON documents (person_id, published_at, id);

-- When each reader first opened each document.
CREATE TABLE document_opens (
    document_id TEXT NOT NULL REFERENCES documents (id),
    account_id TEXT NOT NULL REFERENCES accounts (id),
    first_opened_at TIMESTAMP NOT NULL,
    PRIMARY KEY (document_id, account_id)
);
