//! The council's teams and who is in them: a message goes to the team its type names, and a
//! referral to the team its form names; staff answer for the teams they are in.

use diesel::prelude::*;
use shared::api::Role;

use crate::auth::CurrentUser;
use crate::db::DbConnection;
use crate::db::schema::{team_members, teams};
use crate::error::ApiError;

/// Refuses a member of staff who is not in `team`: conversations are answered by the team
/// they were sent to. Administrators oversee every team, and a machine client was given its
/// scope by one.
pub fn check_member(
    conn: &mut DbConnection,
    user: &CurrentUser,
    team: &str,
) -> Result<(), ApiError> {
    if oversees_every_team(user) {
        return Ok(());
    }
    let member: bool = diesel::select(diesel::dsl::exists(
        team_members::table
            .filter(team_members::team_key.eq(team))
            .filter(team_members::account_id.eq(&user.account_id)),
    ))
    .get_result(conn)?;
    if member {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

pub(crate) fn oversees_every_team(user: &CurrentUser) -> bool {
    user.role == Role::Administrator || user.client_id.is_some()
}

/// Whether `key` names one of the council's teams still in use.
pub fn is_open(conn: &mut DbConnection, key: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        teams::table
            .filter(teams::key.eq(key))
            .filter(teams::active.eq(true)),
    ))
    .get_result(conn)
}
