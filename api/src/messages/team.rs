//! Team message queues: a message goes to the team its type names; anyone in the team reads
//! and answers it as the team. A message from a person is unread for the team until someone
//! in it opens the conversation.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use shared::api::{
    Sender, StaffThreadView, TeamKey, TeamQueueSummary, TeamRef, TeamThreadSummary, ThreadId,
    full_name,
};

use crate::audit::{self, Action, Event, Subject};
use crate::auth::Staff;
use crate::calendar::timestamp;
use crate::db::DbConnection;
use crate::db::schema::{message_threads, messages};
use crate::error::ApiError;
use crate::messages::load_thread;
use crate::pagination::{Cursor, PageRequest};
use crate::people::person::{self, Person};
use crate::state::AppState;
use crate::teams;

/// Every open team with the number of messages nobody in it has opened.
pub async fn queues(state: &AppState, user: &Staff) -> Result<Vec<TeamQueueSummary>, ApiError> {
    let user = user.clone();
    state
        .database
        .run(move |conn| {
            let mine = teams::keys_of(conn, &user.account_id)?;
            let oversees = user.oversees_every_team();
            let all = teams::open(conn)?;
            let unread: Vec<(String, i64)> = messages::table
                .inner_join(message_threads::table)
                .filter(messages::sender.eq(Sender::Citizen.as_str()))
                .filter(messages::team_read_at.is_null())
                .group_by(message_threads::team_key)
                .select((message_threads::team_key, diesel::dsl::count_star()))
                .load(conn)?;
            Ok(all
                .into_iter()
                .map(|TeamRef { key, name }| {
                    let count = unread
                        .iter()
                        .find(|(k, _)| *k == key)
                        .map_or(0, |(_, n)| *n);
                    TeamQueueSummary {
                        member: oversees || mine.contains(&key),
                        key,
                        name,
                        unread: u32::try_from(count).unwrap_or(u32::MAX),
                    }
                })
                .collect())
        })
        .await
}

type Row = (String, String, String, NaiveDateTime);

/// Of `threads`, those with a message from the person that nobody in the team has opened.
pub fn unread_among(conn: &mut DbConnection, threads: &[&String]) -> QueryResult<Vec<String>> {
    messages::table
        .filter(messages::thread_id.eq_any(threads))
        .filter(messages::sender.eq(Sender::Citizen.as_str()))
        .filter(messages::team_read_at.is_null())
        .select(messages::thread_id)
        .distinct()
        .load(conn)
}

/// One page of a team's conversations, most recent first.
pub async fn threads(
    state: &AppState,
    user: &Staff,
    team: TeamKey,
    page: PageRequest,
) -> Result<(Vec<TeamThreadSummary>, Option<String>), ApiError> {
    let user = user.clone();
    let limit = page.limit + 1;
    let after = page.after.clone();
    let (rows, unread, names): (Vec<Row>, Vec<String>, HashMap<String, String>) = state
        .database
        .run(move |conn| {
            if !teams::exists(conn, &team)? {
                return Err(ApiError::NotFound);
            }
            user.check_member(conn, &team)?;
            audit::record(
                conn,
                &user,
                Event::new(Action::List, Subject::Team, &team, None),
            )?;
            let mut select = message_threads::table
                .filter(message_threads::team_key.eq(&team))
                .order((
                    message_threads::last_message_at.desc(),
                    message_threads::id.desc(),
                ))
                .limit(limit)
                .select((
                    message_threads::id,
                    message_threads::person_id,
                    message_threads::subject,
                    message_threads::last_message_at,
                ))
                .into_boxed();
            if let Some(cursor) = after {
                select = select.filter(crate::older_than!(
                    message_threads::last_message_at,
                    message_threads::id,
                    cursor
                ));
            }
            let rows: Vec<Row> = select.load(conn)?;
            let ids: Vec<&String> = rows.iter().map(|r| &r.0).collect();
            let unread = unread_among(conn, &ids)?;
            let names = person::names(conn, rows.iter().map(|r| r.1.as_str()))?;
            Ok((rows, unread, names))
        })
        .await?;
    let (rows, next) = page.finish(rows, |row| Cursor {
        at: row.3,
        id: row.0.clone(),
    });
    let items = rows
        .into_iter()
        .map(|(id, person_id, subject, last)| {
            Ok(TeamThreadSummary {
                unread: unread.contains(&id),
                person_name: ApiError::looked_up(&names, &person_id, "person")?,
                id,
                person_id,
                subject,
                last_message_at: last.and_utc(),
            })
        })
        .collect::<Result<_, ApiError>>()?;
    Ok((items, next))
}

/// A conversation for its team: opening it marks the person's messages read for the team, and
/// the reading is in the audit log.
pub async fn open_thread(
    state: &AppState,
    user: &Staff,
    thread_id: ThreadId,
) -> Result<StaffThreadView, ApiError> {
    let user = user.clone();
    state
        .database
        .write(move |conn| {
            let (person_id, team_key): (String, String) = message_threads::table
                .filter(message_threads::id.eq(&thread_id))
                .select((message_threads::person_id, message_threads::team_key))
                .first(conn)
                .optional()?
                .ok_or(ApiError::NotFound)?;
            let person = Person::find(conn, &person_id)?.ok_or(ApiError::NotFound)?;
            user.check_member(conn, &team_key)?;
            let team = teams::reference(conn, &team_key)?;
            let thread = load_thread(conn, &person_id, &thread_id)?;
            diesel::update(
                messages::table
                    .filter(messages::thread_id.eq(&thread_id))
                    .filter(messages::sender.eq(Sender::Citizen.as_str()))
                    .filter(messages::team_read_at.is_null()),
            )
            .set(messages::team_read_at.eq(timestamp()))
            .execute(conn)?;
            audit::record(
                conn,
                &user,
                Event::read(Subject::Thread, &thread_id, Some(&person_id)),
            )?;
            Ok(StaffThreadView {
                person_id,
                person_name: full_name(&person.forename, &person.surname),
                team,
                thread,
            })
        })
        .await
}

/// A person's latest conversations, most recent first, for their record as staff see it.
pub fn latest_of(
    conn: &mut DbConnection,
    person: &Person,
    limit: i64,
) -> QueryResult<Vec<TeamThreadSummary>> {
    let rows: Vec<(String, String, NaiveDateTime)> = message_threads::table
        .filter(message_threads::person_id.eq(&person.id))
        .order((
            message_threads::last_message_at.desc(),
            message_threads::id.desc(),
        ))
        .limit(limit)
        .select((
            message_threads::id,
            message_threads::subject,
            message_threads::last_message_at,
        ))
        .load(conn)?;
    let ids: Vec<&String> = rows.iter().map(|r| &r.0).collect();
    let unread = unread_among(conn, &ids)?;
    Ok(rows
        .into_iter()
        .map(|(id, subject, last)| TeamThreadSummary {
            unread: unread.contains(&id),
            id,
            person_id: person.id.clone(),
            person_name: full_name(&person.forename, &person.surname),
            subject,
            last_message_at: last.and_utc(),
        })
        .collect())
}
