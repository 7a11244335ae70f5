//! Staff accounts: who works in which team (for assigning referrals), and switching an account
//! off when someone leaves. Staff may list their colleagues; only administrators change them.

use diesel::prelude::*;
use shared::api::{AccountId, Role, SetTeamsRequest, StaffMember, TeamRef};

use crate::audit::{self, Action, Event, Subject};
use crate::auth::{Administrator, Staff, live, sessions};
use crate::calendar::timestamp;
use crate::db::DbConnection;
use crate::db::schema::{accounts, team_members, teams};
use crate::error::ApiError;
use crate::state::AppState;

type Row = (
    String,
    String,
    String,
    String,
    String,
    Option<chrono::NaiveDateTime>,
);

fn members(conn: &mut DbConnection, only: Option<&str>) -> QueryResult<Vec<StaffMember>> {
    let mut select = accounts::table
        .filter(accounts::role.eq_any([Role::Staff.as_str(), Role::Administrator.as_str()]))
        .order((accounts::surname, accounts::forename, accounts::id))
        .select((
            accounts::id,
            accounts::forename,
            accounts::surname,
            accounts::email,
            accounts::role,
            accounts::disabled_at,
        ))
        .into_boxed();
    if let Some(id) = only {
        select = select.filter(accounts::id.eq(id.to_owned()));
    }
    let rows: Vec<Row> = select.load(conn)?;
    let ids: Vec<&String> = rows.iter().map(|r| &r.0).collect();
    let memberships: Vec<(String, String, String)> = team_members::table
        .inner_join(teams::table)
        .filter(team_members::account_id.eq_any(ids))
        .order(teams::name)
        .select((team_members::account_id, teams::key, teams::name))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(id, forename, surname, email, role, disabled_at)| StaffMember {
                teams: memberships
                    .iter()
                    .filter(|(account, ..)| *account == id)
                    .map(|(_, key, name)| TeamRef {
                        key: key.clone(),
                        name: name.clone(),
                    })
                    .collect(),
                id,
                name: format!("{forename} {surname}"),
                email,
                role,
                active: disabled_at.is_none(),
            },
        )
        .collect())
}

/// Every staff and administrator account with its teams, by surname. Councils have tens or
/// hundreds of staff, not millions, so this is one list.
pub async fn list(state: &AppState, _user: &Staff) -> Result<Vec<StaffMember>, ApiError> {
    state.database.run(|conn| Ok(members(conn, None)?)).await
}

fn one(conn: &mut DbConnection, id: &str) -> Result<StaffMember, ApiError> {
    members(conn, Some(id))?
        .into_iter()
        .next()
        .ok_or(ApiError::NotFound)
}

/// Puts a member of staff in exactly the teams named.
pub async fn set_teams(
    state: &AppState,
    user: &Administrator,
    account_id: AccountId,
    request: SetTeamsRequest,
) -> Result<StaffMember, ApiError> {
    let user = user.clone();
    state
        .database
        .run(move |conn| {
            conn.write_transaction(|conn| {
                one(conn, &account_id)?;
                let known: Vec<String> = teams::table
                    .filter(teams::key.eq_any(&request.teams))
                    .filter(teams::active.eq(true))
                    .select(teams::key)
                    .load(conn)?;
                let unknown: Vec<&String> = request
                    .teams
                    .iter()
                    .filter(|t| !known.contains(t))
                    .collect();
                if !unknown.is_empty() {
                    return Err(ApiError::field(
                        "teams",
                        format!(
                            "These are not teams of the council: {}",
                            unknown
                                .iter()
                                .map(|t| t.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    ));
                }
                diesel::delete(
                    team_members::table.filter(team_members::account_id.eq(&account_id)),
                )
                .execute(conn)?;
                let now = timestamp();
                for team in &known {
                    diesel::insert_into(team_members::table)
                        .values((
                            team_members::team_key.eq(team),
                            team_members::account_id.eq(&account_id),
                            team_members::added_at.eq(now),
                        ))
                        .execute(conn)?;
                }
                audit::record(
                    conn,
                    &user,
                    Event::new(Action::Update, Subject::Account, &account_id, None),
                )?;
                one(conn, &account_id)
            })
        })
        .await
}

/// Switches a staff account off: it can no longer sign in, and its sessions and the access
/// tokens already issued for them end now.
pub async fn switch_off(
    state: &AppState,
    user: &Administrator,
    account_id: AccountId,
) -> Result<StaffMember, ApiError> {
    if account_id.as_str() == user.account_id {
        return Err(ApiError::field(
            "account",
            "You cannot switch off your own account",
        ));
    }
    let user = user.clone();
    let switched_off = state
        .database
        .run(move |conn| {
            conn.write_transaction(|conn| {
                one(conn, &account_id)?;
                let now = timestamp();
                diesel::update(
                    accounts::table
                        .find(&account_id)
                        .filter(accounts::disabled_at.is_null()),
                )
                .set(accounts::disabled_at.eq(Some(now)))
                .execute(conn)?;
                sessions::revoke_all(conn, &account_id, now)?;
                audit::record(
                    conn,
                    &user,
                    Event::new(Action::SwitchOff, Subject::Account, &account_id, None),
                )?;
                one(conn, &account_id)
            })
        })
        .await;
    // Committed (or not): what this node remembered of live sessions is asked again.
    live::remembered::revoked();
    switched_off
}
