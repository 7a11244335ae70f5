ALTER TABLE link_invitations DROP COLUMN withdrawn_at;
