//! The council's teams and who is in them: a message goes to the team its type names, and a
//! referral to the team its form names; staff answer for the teams they are in. The teams come
//! from the council file (`crate::council` applies it through `apply`); membership is set by
//! administrators (`accounts::staff`). Every read and write of the two tables is here.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use shared::api::{TeamRef, in_language};

use crate::db::DbConnection;
use crate::db::schema::{team_members, teams};
use crate::error::ApiError;

/// A team as the council file names it.
pub struct Configured<'a> {
    pub key: &'a str,
    pub name: &'a str,
    /// Its name in Welsh, when the council runs the service in Welsh too.
    pub name_cy: Option<&'a str>,
    pub email: Option<&'a str>,
}

/// A team's name and its Welsh name, as stored.
type Names = (String, Option<String>);

/// The columns of a team's names, read with `named`.
const NAMES: (teams::name, teams::name_cy) = (teams::name, teams::name_cy);

/// The name the request's reader reads: the Welsh one for a Welsh reader, when there is one.
/// Every name this module gives goes through here.
fn named((name, name_cy): Names) -> String {
    in_language(
        &name,
        name_cy.as_deref(),
        crate::request_language::current(),
    )
    .to_owned()
}

/// Makes the teams in use exactly those of the council file: renamed, added or (when the file
/// no longer names one) closed, never deleted, since referrals and threads keep their team.
pub fn apply<'a>(
    conn: &mut DbConnection,
    configured: impl IntoIterator<Item = Configured<'a>>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(teams::table)
        .set(teams::active.eq(false))
        .execute(conn)?;
    for team in configured {
        let updated = diesel::update(teams::table.find(team.key))
            .set((
                teams::name.eq(team.name),
                teams::name_cy.eq(team.name_cy),
                teams::email.eq(team.email),
                teams::active.eq(true),
                teams::updated_at.eq(now),
            ))
            .execute(conn)?;
        if updated == 0 {
            diesel::insert_into(teams::table)
                .values((
                    teams::key.eq(team.key),
                    teams::name.eq(team.name),
                    teams::name_cy.eq(team.name_cy),
                    teams::email.eq(team.email),
                    teams::active.eq(true),
                    teams::updated_at.eq(now),
                ))
                .execute(conn)?;
        }
    }
    Ok(())
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

/// Whether `key` names a team the council has ever had, open or closed.
pub fn exists(conn: &mut DbConnection, key: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(teams::table.find(key))).get_result(conn)
}

/// The teams in use, by name.
pub fn open(conn: &mut DbConnection) -> QueryResult<Vec<TeamRef>> {
    Ok(teams::table
        .filter(teams::active.eq(true))
        .order(teams::name)
        .select((teams::key, NAMES))
        .load::<(String, Names)>(conn)?
        .into_iter()
        .map(|(key, names)| TeamRef {
            key,
            name: named(names),
        })
        .collect())
}

/// The names of the teams `keys`, by key, for a page of rows that name teams: one query,
/// however long the page.
pub fn names<'a>(
    conn: &mut DbConnection,
    keys: impl IntoIterator<Item = &'a str>,
) -> QueryResult<HashMap<String, String>> {
    let keys: Vec<&str> = keys.into_iter().collect();
    Ok(teams::table
        .filter(teams::key.eq_any(keys))
        .select((teams::key, NAMES))
        .load::<(String, Names)>(conn)?
        .into_iter()
        .map(|(key, names)| (key, named(names)))
        .collect())
}

/// The team `key` with its name, open or closed.
pub fn find(conn: &mut DbConnection, key: &str) -> QueryResult<Option<TeamRef>> {
    Ok(teams::table
        .find(key)
        .select(NAMES)
        .first::<Names>(conn)
        .optional()?
        .map(|names| TeamRef {
            key: key.to_owned(),
            name: named(names),
        }))
}

/// The team `key` with its name; an error when there is none, since every key stored in
/// another table was checked against this one.
pub fn reference(conn: &mut DbConnection, key: &str) -> QueryResult<TeamRef> {
    find(conn, key)?.ok_or(diesel::result::Error::NotFound)
}

/// Whether the account is in the team.
pub fn is_member(conn: &mut DbConnection, key: &str, account_id: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        team_members::table
            .filter(team_members::team_key.eq(key))
            .filter(team_members::account_id.eq(account_id)),
    ))
    .get_result(conn)
}

/// The keys of the teams the account is in.
pub fn keys_of(conn: &mut DbConnection, account_id: &str) -> QueryResult<Vec<String>> {
    team_members::table
        .filter(team_members::account_id.eq(account_id))
        .select(team_members::team_key)
        .load(conn)
}

/// The teams of each of `account_ids`, by account, each list by team name.
pub fn of_members<'a>(
    conn: &mut DbConnection,
    account_ids: impl IntoIterator<Item = &'a str>,
) -> QueryResult<HashMap<String, Vec<TeamRef>>> {
    let account_ids: Vec<&str> = account_ids.into_iter().collect();
    let rows: Vec<(String, String, Names)> = team_members::table
        .inner_join(teams::table)
        .filter(team_members::account_id.eq_any(account_ids))
        .order(teams::name)
        .select((team_members::account_id, teams::key, NAMES))
        .load(conn)?;
    let mut teams: HashMap<String, Vec<TeamRef>> = HashMap::new();
    for (account, key, names) in rows {
        teams.entry(account).or_default().push(TeamRef {
            key,
            name: named(names),
        });
    }
    Ok(teams)
}

/// Puts the account in exactly the teams `keys`, each of which must be in use.
pub fn set_teams_of(
    conn: &mut DbConnection,
    account_id: &str,
    keys: &[String],
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    let known: Vec<String> = teams::table
        .filter(teams::key.eq_any(keys))
        .filter(teams::active.eq(true))
        .select(teams::key)
        .load(conn)?;
    let unknown: Vec<&str> = keys
        .iter()
        .filter(|t| !known.contains(t))
        .map(String::as_str)
        .collect();
    if !unknown.is_empty() {
        return Err(ApiError::field(
            "teams",
            crate::request_language::says_with(
                "staff-unknown-teams",
                [("teams", unknown.join(", "))],
            ),
        ));
    }
    diesel::delete(team_members::table.filter(team_members::account_id.eq(account_id)))
        .execute(conn)?;
    for team in &known {
        diesel::insert_into(team_members::table)
            .values((
                team_members::team_key.eq(team),
                team_members::account_id.eq(account_id),
                team_members::added_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}
