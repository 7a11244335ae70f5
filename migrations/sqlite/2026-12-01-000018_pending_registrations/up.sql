-- A registration waiting for its code: the name and password hash it asked for. Each
-- registration of an unverified address keeps its own, and whichever code the mailbox's owner
-- enters decides whose account it becomes, so a second registrant cannot take over the first.
ALTER TABLE one_time_codes ADD COLUMN registration TEXT;
