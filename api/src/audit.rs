//! The audit log: every time staff read or change a person's record, a referral, a message or
//! a document, who did it and when. Entries are written in the same transaction as what they
//! record, and never changed. Administrators search it; a person sees who opened their record.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use serde::Deserialize;
use shared::api::{AuditEntry, RecordView, Role, StaffRef};
use utoipa::IntoParams;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::citizen::Access;
use crate::db::DbConnection;
use crate::db::schema::{accounts, api_clients, audit_events};
use crate::error::ApiError;
use crate::pagination::{Cursor, PageQuery, PageRequest};
use crate::referrals::timestamp;
use crate::state::AppState;

/// What was done to what.
#[derive(Debug, Clone, Copy)]
pub struct Event<'a> {
    pub action: &'a str,
    pub subject_type: &'a str,
    pub subject_id: &'a str,
    /// The person whose record it touches, if any.
    pub person_id: Option<&'a str>,
}

impl<'a> Event<'a> {
    pub fn new(
        action: &'a str,
        subject_type: &'a str,
        subject_id: &'a str,
        person_id: Option<&'a str>,
    ) -> Self {
        Self {
            action,
            subject_type,
            subject_id,
            person_id,
        }
    }

    pub fn read(subject_type: &'a str, subject_id: &'a str, person_id: Option<&'a str>) -> Self {
        Self::new("read", subject_type, subject_id, person_id)
    }
}

/// Writes `event` by `actor` in the caller's transaction: a member of staff, or a machine
/// client (under its name, answered for by the administrator who created it).
pub fn record(conn: &mut DbConnection, actor: &CurrentUser, event: Event<'_>) -> QueryResult<()> {
    insert(conn, &actor.account_id, actor.client_id.as_deref(), event)
}

fn insert(
    conn: &mut DbConnection,
    actor_id: &str,
    client_id: Option<&str>,
    event: Event<'_>,
) -> QueryResult<()> {
    diesel::insert_into(audit_events::table)
        .values((
            audit_events::id.eq(Uuid::now_v7().to_string()),
            audit_events::actor_id.eq(actor_id),
            audit_events::client_id.eq(client_id),
            audit_events::action.eq(event.action),
            audit_events::subject_type.eq(event.subject_type),
            audit_events::subject_id.eq(event.subject_id),
            audit_events::person_id.eq(event.person_id),
            audit_events::at.eq(timestamp()),
        ))
        .execute(conn)
        .map(|_| ())
}

/// An entry with its actor's name, and its client's when a machine client made the call.
type Row = (
    String,
    NaiveDateTime,
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    String,
    Option<String>,
    Option<String>,
);

/// Narrows an audit search; all of them together.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AuditQuery {
    /// Only what this member of staff did (their account id).
    pub actor: Option<String>,
    /// Only what touched this person's record.
    pub person: Option<String>,
    /// Only what touched this record (a submission, thread, document… id).
    pub subject: Option<String>,
    /// The `next` cursor of the previous page.
    pub after: Option<String>,
    /// How many entries, 1 to 100; 20 when left out.
    pub limit: Option<i64>,
}

/// One page of the log, newest first, for administrators.
pub async fn search(
    state: &AppState,
    user: &CurrentUser,
    query: AuditQuery,
) -> Result<(Vec<AuditEntry>, Option<String>), ApiError> {
    user.require(Role::Administrator)?;
    let page = PageRequest::try_from(PageQuery {
        after: query.after,
        limit: query.limit,
    })?;
    let limit = page.limit + 1;
    let after = page.after.clone();
    let rows: Vec<Row> = state
        .database
        .run(move |conn| {
            let mut select = audit_events::table
                .inner_join(accounts::table)
                .left_join(api_clients::table)
                .order((audit_events::at.desc(), audit_events::id.desc()))
                .limit(limit)
                .select((
                    audit_events::id,
                    audit_events::at,
                    audit_events::actor_id,
                    audit_events::action,
                    audit_events::subject_type,
                    audit_events::subject_id,
                    audit_events::person_id,
                    accounts::forename,
                    accounts::surname,
                    audit_events::client_id,
                    api_clients::name.nullable(),
                ))
                .into_boxed();
            if let Some(actor) = query.actor {
                select = select.filter(audit_events::actor_id.eq(actor));
            }
            if let Some(person) = query.person {
                select = select.filter(audit_events::person_id.eq(person));
            }
            if let Some(subject) = query.subject {
                select = select.filter(audit_events::subject_id.eq(subject));
            }
            if let Some(cursor) = after {
                select = select.filter(crate::older_than!(
                    audit_events::at,
                    audit_events::id,
                    cursor
                ));
            }
            Ok::<_, ApiError>(select.load(conn)?)
        })
        .await?;
    let (rows, next) = page.finish(rows, |row| Cursor {
        at: row.1,
        id: row.0.clone(),
    });
    let entries = rows
        .into_iter()
        .map(
            |(
                id,
                at,
                actor_id,
                action,
                subject_type,
                subject_id,
                person_id,
                forename,
                surname,
                client_id,
                client_name,
            )| {
                AuditEntry {
                    id,
                    at: at.and_utc(),
                    actor: match (client_id, client_name) {
                        (Some(client), Some(name)) => StaffRef {
                            id: client,
                            name: format!("{name} (API client)"),
                        },
                        _ => StaffRef {
                            id: actor_id,
                            name: format!("{forename} {surname}"),
                        },
                    },
                    action,
                    subject_type,
                    subject_id,
                    person_id,
                }
            },
        )
        .collect();
    Ok((entries, next))
}

/// The times someone at the council opened the person's record, newest first, for the person
/// and their proxies.
pub async fn record_views(
    state: &AppState,
    user: &CurrentUser,
    person_id: String,
    page: PageRequest,
) -> Result<(Vec<RecordView>, Option<String>), ApiError> {
    let account_id = user.account_id.clone();
    let limit = page.limit + 1;
    let after = page.after.clone();
    let rows: Vec<(String, NaiveDateTime, String, String, String)> = state
        .database
        .run(move |conn| {
            Access::check(conn, &account_id, &person_id)?;
            let mut select = audit_events::table
                .inner_join(accounts::table)
                .filter(audit_events::person_id.eq(&person_id))
                .filter(audit_events::action.eq("read"))
                .order((audit_events::at.desc(), audit_events::id.desc()))
                .limit(limit)
                .select((
                    audit_events::id,
                    audit_events::at,
                    audit_events::subject_type,
                    accounts::forename,
                    accounts::surname,
                ))
                .into_boxed();
            if let Some(cursor) = after {
                select = select.filter(crate::older_than!(
                    audit_events::at,
                    audit_events::id,
                    cursor
                ));
            }
            Ok::<_, ApiError>(select.load(conn)?)
        })
        .await?;
    let (rows, next) = page.finish(rows, |row| Cursor {
        at: row.1,
        id: row.0.clone(),
    });
    let views = rows
        .into_iter()
        .map(|(_, at, what, forename, surname)| RecordView {
            at: at.and_utc(),
            by: format!("{forename} {surname}"),
            what,
        })
        .collect();
    Ok((views, next))
}
