DROP TABLE link_invitations;
