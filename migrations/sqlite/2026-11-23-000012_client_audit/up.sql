-- A machine client's calls are in the audit log under its name; `actor_id` is then the
-- administrator who created the client, who answers for it.
ALTER TABLE audit_events ADD COLUMN client_id TEXT REFERENCES api_clients (id);
