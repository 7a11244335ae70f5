//! The submissions feed: every submission, in the order it was made, with its frozen answers.
//!
//! Each submission takes the next `feed_position` in the transaction that stores it, while
//! holding the database's write lock (SQLite: `BEGIN IMMEDIATE`; PostgreSQL: a transaction
//! advisory lock), so positions become visible in the order they were given. A reader that
//! stores the last position it saw therefore never misses one that commits later with a lower
//! number, and never sees one twice, however many nodes write.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use shared::api::{FeedEntry, FieldErrors, SubmissionId, SubmissionStatus, scopes};

use crate::audit;
use crate::audit::Subject;
use crate::auth::ApiCaller;
use crate::db::DbConnection;
use crate::db::schema::submissions;
use crate::error::ApiError;
use crate::referrals::from_json;
use crate::state::AppState;

/// The scope that reads the feed.
pub const SCOPE: &str = shared::api::scopes::SUBMISSIONS_READ;

/// A key for PostgreSQL's advisory lock, held from giving a position until commit.
const FEED_LOCK: i64 = 7_265_001;

/// The next position, in the caller's write transaction.
pub fn next_position(conn: &mut DbConnection) -> QueryResult<i64> {
    if let DbConnection::Postgres(_) = conn {
        diesel::sql_query(format!("SELECT pg_advisory_xact_lock({FEED_LOCK})")).execute(conn)?;
    }
    let last: Option<i64> = submissions::table
        .select(diesel::dsl::max(submissions::feed_position))
        .first(conn)?;
    Ok(last.unwrap_or(0) + 1)
}

type Row = (
    Option<i64>,
    String,
    String,
    String,
    String,
    i32,
    String,
    NaiveDateTime,
    Option<String>,
    Option<String>,
    String,
    String,
);

/// A row as a feed entry; without `restricted`, the answers kept for the council's eyes only
/// are left out.
fn entry(row: Row, restricted: bool, state: &AppState) -> Result<FeedEntry, ApiError> {
    let (
        position,
        id,
        reference,
        form_id,
        form_title,
        version,
        status,
        at,
        person,
        team,
        answers,
        summary,
    ) = row;
    let mut answers = from_json(&answers)?;
    let mut summary = from_json(&summary)?;
    if !restricted {
        let current = state.forms.get(&form_id);
        shared::forms::without_council_only(current, &mut answers, &mut summary);
    }
    Ok(FeedEntry {
        position: position.ok_or_else(|| {
            ApiError::Internal(anyhow::anyhow!("submission {id} has no feed position"))
        })?,
        id,
        reference,
        form_id,
        form_title,
        form_version: ApiError::stored(version, "form version")?,
        status: SubmissionStatus::try_from(status)?,
        submitted_at: at.and_utc(),
        person_id: person,
        team,
        answers,
        summary,
    })
}

macro_rules! feed_columns {
    () => {
        (
            submissions::feed_position,
            submissions::id,
            submissions::reference,
            submissions::form_id,
            submissions::form_title,
            submissions::form_version,
            submissions::status,
            submissions::submitted_at,
            submissions::person_id,
            submissions::team_key,
            submissions::answers,
            submissions::summary,
        )
    };
}

/// One submission as the feed gives it.
pub async fn one(
    state: &AppState,
    caller: &ApiCaller,
    id: SubmissionId,
) -> Result<FeedEntry, ApiError> {
    let restricted = caller.holds(scopes::SUBMISSIONS_RESTRICTED);
    let caller = caller.require(SCOPE)?.clone();
    let row: Row = state
        .database
        .write(move |conn| {
            let row: Row = submissions::table
                .find(&id)
                .select(feed_columns!())
                .first(conn)
                .optional()?
                .ok_or(ApiError::NotFound)?;
            audit::record(
                conn,
                &caller,
                audit::Event::read(Subject::Submission, &id, row.8.as_deref()),
            )?;
            Ok::<_, ApiError>(row)
        })
        .await?;
    entry(row, restricted, state)
}

/// The submissions after `after`, oldest first, at most `limit`.
pub async fn read(
    state: &AppState,
    caller: &ApiCaller,
    after: Option<String>,
    limit: Option<i64>,
) -> Result<(Vec<FeedEntry>, String), ApiError> {
    let restricted = caller.holds(scopes::SUBMISSIONS_RESTRICTED);
    let caller = caller.require(SCOPE)?.clone();
    let mut errors = FieldErrors::new();
    let after_position = match after.as_deref() {
        None | Some("") => 0,
        Some(text) => text.parse::<i64>().unwrap_or_else(|_| {
            errors.insert(
                "after".into(),
                vec!["Use the next value of the page before".into()],
            );
            0
        }),
    };
    // For integrators: field messages stay English whatever Accept-Language asks (only a
    // problem's title and detail follow it; see `request_language`).
    let limit = limit.unwrap_or(50);
    if !(1..=500).contains(&limit) {
        errors.insert(
            "limit".into(),
            vec!["The limit must be between 1 and 500".into()],
        );
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let rows: Vec<Row> = state
        .database
        .write(move |conn| {
            let rows: Vec<Row> = submissions::table
                .filter(submissions::feed_position.gt(after_position))
                .order(submissions::feed_position)
                .limit(limit)
                .select(feed_columns!())
                .load(conn)?;
            // One entry for the page: what was read is the feed after this position.
            audit::record(
                conn,
                &caller,
                audit::Event::read(Subject::Feed, &after_position.to_string(), None),
            )?;
            Ok::<_, ApiError>(rows)
        })
        .await?;
    let next = rows
        .last()
        .and_then(|r| r.0)
        .unwrap_or(after_position)
        .to_string();
    let entries = rows
        .into_iter()
        .map(|row| entry(row, restricted, state))
        .collect::<Result<Vec<_>, ApiError>>()?;
    Ok((entries, next))
}
