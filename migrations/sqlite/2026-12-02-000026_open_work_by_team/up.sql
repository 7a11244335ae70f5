-- The overview's open and overdue work by team: a status at a time, its rows in team order.
CREATE INDEX submissions_status_team_due ON submissions (status, team_key, due_on);
