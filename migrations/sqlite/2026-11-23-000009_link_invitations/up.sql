-- Staff invite an email address to see a person's record; the holder of a portal account with
-- that (verified) address accepts or declines it. Only an accepted invitation links the account.
CREATE TABLE link_invitations (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES people (id),
    -- Normalised, as account addresses are.
    email TEXT NOT NULL,
    relationship TEXT NOT NULL CHECK (relationship IN ('self', 'proxy')),
    legal_basis TEXT CHECK (legal_basis IN ('consent', 'lasting_power_of_attorney', 'deputyship')),
    ends_on DATE,
    invited_by TEXT NOT NULL REFERENCES accounts (id),
    invited_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    answered_at TIMESTAMP,
    accepted BOOLEAN,
    CHECK ((relationship = 'self' AND legal_basis IS NULL) OR (relationship = 'proxy' AND legal_basis IS NOT NULL))
);
-- "Your invitations": the open ones for an address.
CREATE INDEX link_invitations_email ON link_invitations (email, answered_at, expires_at);
CREATE INDEX link_invitations_person ON link_invitations (person_id, invited_at);
