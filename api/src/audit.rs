//! The audit log: every time staff read or change a person's record, a referral, a message or
//! a document, who did it and when. Entries are written in the same transaction as what they
//! record, and never changed. Administrators search it; a person sees who opened their record.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Deserialize;
use shared::api::{AuditEntry, PersonId, RecordView, StaffRef};
use utoipa::IntoParams;
use uuid::Uuid;

use crate::accounts;
use crate::auth::{Administrator, CurrentUser};
use crate::calendar;
use crate::calendar::timestamp;
use crate::db::DbConnection;
use crate::db::schema::audit_events;
use crate::error::ApiError;
use crate::integrations::registry;
use crate::pagination::{Cursor, PageQuery, PageRequest};
use crate::people::Access;
use crate::state::AppState;

/// What was done, in the audit log's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Answer,
    Create,
    Disable,
    End,
    Export,
    Invite,
    Link,
    List,
    Publish,
    Read,
    Replay,
    Reply,
    Retry,
    Revoke,
    Rotate,
    Search,
    Send,
    SwitchOff,
    Update,
    Withdraw,
}

impl Action {
    /// As the audit log stores and shows it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Answer => "answer",
            Self::Create => "create",
            Self::Disable => "disable",
            Self::End => "end",
            Self::Export => "export",
            Self::Invite => "invite",
            Self::Link => "link",
            Self::List => "list",
            Self::Publish => "publish",
            Self::Read => "read",
            Self::Replay => "replay",
            Self::Reply => "reply",
            Self::Retry => "retry",
            Self::Revoke => "revoke",
            Self::Rotate => "rotate",
            Self::Search => "search",
            Self::Send => "send",
            Self::SwitchOff => "switch_off",
            Self::Update => "update",
            Self::Withdraw => "withdraw",
        }
    }
}

/// What it was done to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Account,
    ApiClient,
    Audit,
    Document,
    Email,
    Feed,
    FormatRequest,
    Invitation,
    Involvement,
    Item,
    Link,
    People,
    Person,
    Submission,
    Submissions,
    Team,
    Thread,
    Upload,
    Webhook,
}

impl Subject {
    /// As the audit log stores and shows it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Account => "account",
            Self::ApiClient => "api_client",
            Self::Audit => "audit",
            Self::Document => "document",
            Self::Email => "email",
            Self::Feed => "feed",
            Self::FormatRequest => "format_request",
            Self::Invitation => "invitation",
            Self::Involvement => "involvement",
            Self::Item => "item",
            Self::Link => "link",
            Self::People => "people",
            Self::Person => "person",
            Self::Submission => "submission",
            Self::Submissions => "submissions",
            Self::Team => "team",
            Self::Thread => "thread",
            Self::Upload => "upload",
            Self::Webhook => "webhook",
        }
    }
}

/// What was done to what.
#[derive(Debug, Clone, Copy)]
pub struct Event<'a> {
    pub action: Action,
    pub subject_type: Subject,
    pub subject_id: &'a str,
    /// The person whose record it touches, if any.
    pub person_id: Option<&'a str>,
}

impl<'a> Event<'a> {
    pub fn new(
        action: Action,
        subject_type: Subject,
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

    pub fn read(subject_type: Subject, subject_id: &'a str, person_id: Option<&'a str>) -> Self {
        Self::new(Action::Read, subject_type, subject_id, person_id)
    }
}

/// Writes `event` by `actor` in the caller's transaction: a member of staff, or a machine
/// client (under its name, answered for by the administrator who created it).
pub fn record(conn: &mut DbConnection, actor: &CurrentUser, event: Event<'_>) -> QueryResult<()> {
    insert(conn, &actor.account_id, actor.client_id.as_deref(), event)
}

/// The end of something kept for the record (a link ended, a document or an invitation
/// withdrawn, a client revoked, a webhook switched off), as `end` audits it: an `Event` whose ids
/// it owns, so that the work can leave the async thread with it.
#[derive(Debug, Clone)]
pub struct Ending {
    action: Action,
    subject: Subject,
    subject_id: String,
    person_id: Option<String>,
}

impl Ending {
    pub fn new(
        action: Action,
        subject: Subject,
        subject_id: &str,
        person_id: Option<&str>,
    ) -> Self {
        Self {
            action,
            subject,
            subject_id: subject_id.to_owned(),
            person_id: person_id.map(str::to_owned),
        }
    }
}

/// Ends something and audits who ended it, in one transaction. `soft_delete` stamps the live row
/// with the time it is given and says how many rows it touched: none means nothing live has that
/// id, which answers 404 and audits nothing.
pub async fn end<F>(
    state: &AppState,
    actor: &CurrentUser,
    ending: Ending,
    soft_delete: F,
) -> Result<(), ApiError>
where
    F: FnOnce(&mut DbConnection, NaiveDateTime) -> QueryResult<usize> + Send + 'static,
{
    let actor = actor.clone();
    state
        .database
        .write(move |conn| {
            if soft_delete(conn, timestamp())? == 0 {
                return Err(ApiError::NotFound);
            }
            let event = Event::new(
                ending.action,
                ending.subject,
                &ending.subject_id,
                ending.person_id.as_deref(),
            );
            Ok(record(conn, &actor, event)?)
        })
        .await
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
            audit_events::action.eq(event.action.as_str()),
            audit_events::subject_type.eq(event.subject_type.as_str()),
            audit_events::subject_id.eq(event.subject_id),
            audit_events::person_id.eq(event.person_id),
            audit_events::at.eq(timestamp()),
        ))
        .execute(conn)
        .map(|_| ())
}

/// An entry as stored: id, when, actor, action, subject type and id, person, client.
type Row = (
    String,
    NaiveDateTime,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
);

/// Narrows an audit search; all of them together.
#[derive(Debug, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AuditQuery {
    /// Only what this member of staff did (their account id).
    pub actor: Option<String>,
    /// Only what touched this person's record.
    pub person: Option<String>,
    /// Only what touched this record (a submission, thread, document… id).
    pub subject: Option<String>,
    /// Only from this day on (in England), inclusive.
    #[param(example = "2026-11-01")]
    pub from: Option<NaiveDate>,
    /// Only up to this day (in England), inclusive.
    #[param(example = "2026-11-30")]
    pub to: Option<NaiveDate>,
    /// The `next` cursor of the previous page.
    pub after: Option<String>,
    /// How many entries, 1 to 100; 20 when left out.
    pub limit: Option<i64>,
}

impl AuditQuery {
    /// The filters as the log keeps an export of it: "audit actor=… from=…".
    fn describe(&self) -> String {
        let mut text = String::from("audit");
        let days = [
            self.from.map(|d| d.to_string()),
            self.to.map(|d| d.to_string()),
        ];
        for (name, value) in [
            ("actor", self.actor.as_deref()),
            ("person", self.person.as_deref()),
            ("subject", self.subject.as_deref()),
            ("from", days[0].as_deref()),
            ("to", days[1].as_deref()),
        ] {
            if let Some(value) = value {
                text.push_str(&format!(" {name}={value}"));
            }
        }
        text
    }

    fn check(&self) -> Result<(), ApiError> {
        match (self.from, self.to) {
            (Some(from), Some(to)) if to < from => Err(ApiError::field(
                "to",
                crate::request_language::says("audit-end-before-start"),
            )),
            _ => Ok(()),
        }
    }
}

/// Up to `limit` entries after `after`, newest first, through the index that fits the filters.
fn entries(
    conn: &mut DbConnection,
    query: &AuditQuery,
    after: Option<Cursor>,
    limit: i64,
) -> QueryResult<Vec<Row>> {
    let mut select = audit_events::table
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
            audit_events::client_id,
        ))
        .into_boxed();
    if let Some(actor) = &query.actor {
        select = select.filter(audit_events::actor_id.eq(actor.clone()));
    }
    if let Some(person) = &query.person {
        select = select.filter(audit_events::person_id.eq(person.clone()));
    }
    if let Some(subject) = &query.subject {
        select = select.filter(audit_events::subject_id.eq(subject.clone()));
    }
    if let Some(from) = query.from {
        select = select.filter(audit_events::at.ge(calendar::london_midnight(from)));
    }
    if let Some(to) = query.to.and_then(|d| d.succ_opt()) {
        select = select.filter(audit_events::at.lt(calendar::london_midnight(to)));
    }
    if let Some(cursor) = after {
        select = select.filter(crate::older_than!(
            audit_events::at,
            audit_events::id,
            cursor
        ));
    }
    select.load(conn)
}

/// The names a page of entries shows: its actors' and its clients'.
struct Names {
    actors: HashMap<String, String>,
    clients: HashMap<String, String>,
}

impl Names {
    fn of(conn: &mut DbConnection, rows: &[Row]) -> QueryResult<Self> {
        Ok(Self {
            actors: accounts::names(conn, rows.iter().map(|r| r.2.as_str()))?,
            clients: registry::names(conn, rows.iter().filter_map(|r| r.7.as_deref()))?,
        })
    }

    fn entry(&self, row: Row) -> Result<AuditEntry, ApiError> {
        let (id, at, actor_id, action, subject_type, subject_id, person_id, client_id) = row;
        let client = match client_id {
            Some(id) => Some((ApiError::looked_up(&self.clients, &id, "client")?, id)),
            None => None,
        };
        Ok(AuditEntry {
            id,
            at: at.and_utc(),
            actor: match client {
                Some((name, client)) => StaffRef {
                    id: client,
                    name: format!("{name} (API client)"),
                },
                None => StaffRef {
                    name: ApiError::looked_up(&self.actors, &actor_id, "account")?,
                    id: actor_id,
                },
            },
            action,
            subject_type,
            subject_id,
            person_id,
        })
    }
}

/// A page of entries with the names they show.
fn named(conn: &mut DbConnection, rows: Vec<Row>) -> QueryResult<(Vec<Row>, Names)> {
    let names = Names::of(conn, &rows)?;
    Ok((rows, names))
}

/// One page of the log, newest first, for administrators.
pub async fn search(
    state: &AppState,
    _user: &Administrator,
    query: AuditQuery,
) -> Result<(Vec<AuditEntry>, Option<String>), ApiError> {
    query.check()?;
    let page = PageRequest::try_from(PageQuery {
        after: query.after.clone(),
        limit: query.limit,
    })?;
    let (after, limit) = (page.after.clone(), page.limit + 1);
    let (rows, names) = state
        .database
        .run(move |conn| {
            let rows = entries(conn, &query, after, limit)?;
            Ok::<_, ApiError>(named(conn, rows)?)
        })
        .await?;
    let (rows, next) = page.finish(rows, |row| Cursor {
        at: row.1,
        id: row.0.clone(),
    });
    let entries = rows
        .into_iter()
        .map(|row| names.entry(row))
        .collect::<Result<_, _>>()?;
    Ok((entries, next))
}

/// The CSV file's columns.
const EXPORT_HEADER: &[&str] = &[
    "When (UTC)",
    "Who",
    "Who's id",
    "Did",
    "To",
    "Record id",
    "Person id",
];

/// The log with these filters, every entry, as CSV streamed a batch at a time, for
/// administrators. The export is itself in the log before the first entry is read.
pub async fn export(
    state: actix_web::web::Data<AppState>,
    user: Administrator,
    query: AuditQuery,
) -> Result<impl futures_util::Stream<Item = Result<actix_web::web::Bytes, ApiError>>, ApiError> {
    query.check()?;
    {
        let (actor, looked_at) = (user.clone(), query.describe());
        state
            .database
            .run(move |conn| {
                Ok::<_, ApiError>(record(
                    conn,
                    &actor,
                    Event::new(Action::Export, Subject::Audit, &looked_at, None),
                )?)
            })
            .await?;
    }
    Ok(crate::csv_export::stream(EXPORT_HEADER, move |after| {
        let (state, query) = (state.clone(), query.clone());
        async move {
            let (rows, names) = state
                .database
                .run(move |conn| {
                    let rows = entries(conn, &query, after, crate::csv_export::BATCH)?;
                    Ok::<_, ApiError>(named(conn, rows)?)
                })
                .await?;
            let last = rows.last().map(|row| Cursor {
                at: row.1,
                id: row.0.clone(),
            });
            let rows = rows
                .into_iter()
                .map(|row| names.entry(row))
                .map(|e| {
                    let e = e?;
                    Ok(vec![
                        e.at.format("%Y-%m-%d %H:%M:%S").to_string(),
                        e.actor.name,
                        e.actor.id,
                        e.action,
                        e.subject_type,
                        e.subject_id,
                        e.person_id.unwrap_or_default(),
                    ])
                })
                .collect::<Result<_, ApiError>>()?;
            Ok((rows, last))
        }
    }))
}

/// The times someone at the council opened the person's record, newest first, for the person
/// and their proxies.
pub async fn record_views(
    state: &AppState,
    user: &CurrentUser,
    person_id: PersonId,
    page: PageRequest,
) -> Result<(Vec<RecordView>, Option<String>), ApiError> {
    let account_id = user.account_id.clone();
    let limit = page.limit + 1;
    let after = page.after.clone();
    let (rows, names): (Vec<(String, NaiveDateTime, String, String)>, _) = state
        .database
        .run(move |conn| {
            Access::check(conn, &account_id, &person_id)?;
            let mut select = audit_events::table
                .filter(audit_events::person_id.eq(&person_id))
                .filter(audit_events::action.eq(Action::Read.as_str()))
                .order((audit_events::at.desc(), audit_events::id.desc()))
                .limit(limit)
                .select((
                    audit_events::id,
                    audit_events::at,
                    audit_events::subject_type,
                    audit_events::actor_id,
                ))
                .into_boxed();
            if let Some(cursor) = after {
                select = select.filter(crate::older_than!(
                    audit_events::at,
                    audit_events::id,
                    cursor
                ));
            }
            let rows: Vec<(String, NaiveDateTime, String, String)> = select.load(conn)?;
            let names = accounts::names(conn, rows.iter().map(|r| r.3.as_str()))?;
            Ok::<_, ApiError>((rows, names))
        })
        .await?;
    let (rows, next) = page.finish(rows, |row| Cursor {
        at: row.1,
        id: row.0.clone(),
    });
    let views = rows
        .into_iter()
        .map(|(_, at, what, actor)| {
            Ok(RecordView {
                at: at.and_utc(),
                by: ApiError::looked_up(&names, &actor, "account")?,
                what,
            })
        })
        .collect::<Result<_, ApiError>>()?;
    Ok((views, next))
}
