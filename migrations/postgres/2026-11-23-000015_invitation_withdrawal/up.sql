-- Staff withdraw an invitation sent to the wrong address, or no longer wanted, before anyone
-- accepts it: kept for the record, no longer open.
ALTER TABLE link_invitations ADD COLUMN withdrawn_at TIMESTAMP;
