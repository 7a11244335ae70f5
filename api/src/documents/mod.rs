//! Items to view: documents staff publish to a person. Each stays available; opening one
//! records, per reader, when it was first opened, and unopened ones show in bold. Staff list,
//! open (audited, not counted as the person's opening) and withdraw them here too.

pub mod formats;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use shared::api::{DocumentId, DocumentSummary, PersonId, StaffDocument};
use uuid::Uuid;

use crate::audit::{self, Action, Ending, Event, Subject};
use crate::auth::{CurrentUser, Staff};
use crate::calendar::timestamp;
use crate::db::DbConnection;
use crate::db::schema::{document_opens, documents};
use crate::email::Template;
use crate::error::ApiError;
use crate::files;
use crate::pagination::{Cursor, PageRequest};
use crate::people::Access;
use crate::people::person::Person;
use crate::state::AppState;

type Row = (
    String,
    String,
    String,
    String,
    i64,
    NaiveDateTime,
    Option<NaiveDateTime>,
);

fn summary(row: Row) -> Result<DocumentSummary, ApiError> {
    let (id, title, file_name, content_type, size, published_at, opened_at) = row;
    Ok(DocumentSummary {
        id,
        title,
        file_name,
        content_type,
        size: ApiError::stored(size, "document size")?,
        published_at: published_at.and_utc(),
        opened: opened_at.is_some(),
    })
}

/// One page of the person's documents, newest first.
pub async fn list(
    state: &AppState,
    user: &CurrentUser,
    person_id: PersonId,
    page: PageRequest,
) -> Result<(Vec<DocumentSummary>, Option<String>), ApiError> {
    let account_id = user.account_id.clone();
    let limit = page.limit + 1;
    let after = page.after.clone();
    let rows: Vec<Row> = state
        .database
        .run(move |conn| {
            Access::check(conn, &account_id, &person_id)?;
            let mut query = documents::table
                .left_join(
                    document_opens::table.on(document_opens::document_id
                        .eq(documents::id)
                        .and(document_opens::account_id.eq(account_id.clone()))),
                )
                .filter(documents::person_id.eq(&person_id))
                .filter(documents::withdrawn_at.is_null())
                .order((documents::published_at.desc(), documents::id.desc()))
                .limit(limit)
                .select((
                    documents::id,
                    documents::title,
                    documents::file_name,
                    documents::content_type,
                    documents::size_bytes,
                    documents::published_at,
                    document_opens::first_opened_at.nullable(),
                ))
                .into_boxed();
            if let Some(cursor) = after {
                query = query.filter(crate::older_than!(
                    documents::published_at,
                    documents::id,
                    cursor
                ));
            }
            Ok::<_, ApiError>(query.load(conn)?)
        })
        .await?;
    let (rows, next) = page.finish(rows, |row| Cursor {
        at: row.5,
        id: row.0.clone(),
    });
    let documents = rows.into_iter().map(summary).collect::<Result<_, _>>()?;
    Ok((documents, next))
}

/// A document with its bytes; the first time this reader opens it is recorded.
pub async fn open(
    state: &AppState,
    user: &CurrentUser,
    person_id: PersonId,
    document_id: DocumentId,
) -> Result<(DocumentSummary, Vec<u8>), ApiError> {
    let account_id = user.account_id.clone();
    state
        .database
        .write(move |conn| {
            Access::check(conn, &account_id, &person_id)?;
            let found: Option<(Row, Vec<u8>)> = documents::table
                .left_join(
                    document_opens::table.on(document_opens::document_id
                        .eq(documents::id)
                        .and(document_opens::account_id.eq(account_id.clone()))),
                )
                .filter(documents::id.eq(&document_id))
                .filter(documents::person_id.eq(&person_id))
                .filter(documents::withdrawn_at.is_null())
                .select((
                    (
                        documents::id,
                        documents::title,
                        documents::file_name,
                        documents::content_type,
                        documents::size_bytes,
                        documents::published_at,
                        document_opens::first_opened_at.nullable(),
                    ),
                    documents::content,
                ))
                .first(conn)
                .optional()?;
            let (row, bytes) = found.ok_or(ApiError::NotFound)?;
            if row.6.is_none() {
                record_open(conn, &document_id, &account_id)?;
            }
            Ok((summary(row)?, bytes))
        })
        .await
}

fn record_open(conn: &mut DbConnection, document_id: &str, account_id: &str) -> QueryResult<()> {
    conn.insert_once(|conn| {
        diesel::insert_into(document_opens::table)
            .values((
                document_opens::document_id.eq(document_id),
                document_opens::account_id.eq(account_id),
                document_opens::first_opened_at.eq(timestamp()),
            ))
            .execute(conn)
    })
}

/// A document as staff send it.
pub struct NewDocument<'a> {
    /// What the person sees in their list.
    pub title: &'a str,
    pub file_name: &'a str,
    /// The media type the upload declared, checked against the content.
    pub declared: Option<&'a str>,
    pub bytes: Vec<u8>,
    /// The request for another format it answers, if any.
    pub answers: Option<String>,
}

/// Staff publish a PDF or image to a person's Items to view.
pub async fn publish(
    state: &AppState,
    user: &Staff,
    person_id: PersonId,
    document: NewDocument<'_>,
) -> Result<DocumentSummary, ApiError> {
    let NewDocument {
        title,
        file_name,
        declared,
        bytes,
        answers,
    } = document;
    let title = title.trim().to_owned();
    if title.is_empty() || title.chars().count() > 200 {
        return Err(ApiError::field(
            "title",
            crate::request_language::says("document-title-needed"),
        ));
    }
    let file = files::check(file_name, declared, bytes)?;
    let actor = user.clone();
    let council = state.council.view().clone();
    let link = state.public_url.join("account")?;
    let published = state
        .write(move |conn| {
            Person::find(conn, &person_id)?.ok_or(ApiError::NotFound)?;
            let now = timestamp();
            let id = insert(conn, &actor, &person_id, &title, &file, now)?;
            // The new version someone asked for: their request shows it from now on.
            if let Some(request) = &answers {
                formats::answer(conn, &person_id, request, &id, now)?;
                crate::audit::record(
                    conn,
                    &actor,
                    crate::audit::Event::new(
                        Action::Answer,
                        Subject::FormatRequest,
                        request,
                        Some(&person_id),
                    ),
                )?;
            }
            // Everyone who may read the record hears there is something new, not what.
            crate::people::notify_linked(
                conn,
                &council,
                &link,
                &person_id,
                Template::DocumentPublished,
                now,
            )?;
            Ok::<_, ApiError>(DocumentSummary {
                id,
                title,
                file_name: file.name,
                content_type: file.content_type,
                size: u64::try_from(file.size).unwrap_or_default(),
                published_at: now.and_utc(),
                opened: false,
            })
        })
        .await?;
    Ok(published)
}

/// Stores a checked file as a document of the person's, and its audit entry, in the caller's
/// transaction; nobody is told yet. Gives its id.
pub fn insert(
    conn: &mut DbConnection,
    actor: &CurrentUser,
    person_id: &str,
    title: &str,
    file: &files::CheckedFile,
    now: NaiveDateTime,
) -> QueryResult<String> {
    let id = Uuid::now_v7().to_string();
    diesel::insert_into(documents::table)
        .values((
            documents::id.eq(&id),
            documents::person_id.eq(person_id),
            documents::title.eq(title),
            documents::file_name.eq(&file.name),
            documents::content_type.eq(&file.content_type),
            documents::size_bytes.eq(file.size),
            documents::sha256.eq(&file.sha256),
            documents::content.eq(&file.bytes),
            documents::published_by.eq(&actor.account_id),
            documents::published_at.eq(now),
        ))
        .execute(conn)?;
    crate::audit::record(
        conn,
        actor,
        crate::audit::Event::new(Action::Publish, Subject::Document, &id, Some(person_id)),
    )?;
    Ok(id)
}

/// Documents published to the person that this reader has not opened.
pub fn unopened_count(
    conn: &mut DbConnection,
    account_id: &str,
    person_id: &str,
) -> QueryResult<i64> {
    documents::table
        .left_join(
            document_opens::table.on(document_opens::document_id
                .eq(documents::id)
                .and(document_opens::account_id.eq(account_id.to_owned()))),
        )
        .filter(documents::person_id.eq(person_id))
        .filter(documents::withdrawn_at.is_null())
        .filter(document_opens::first_opened_at.nullable().is_null())
        .count()
        .get_result(conn)
}

pub fn latest_for_staff(
    conn: &mut DbConnection,
    person_id: &str,
    limit: i64,
) -> QueryResult<Vec<StaffDocument>> {
    let rows: Vec<(String, String, String, String, NaiveDateTime)> = documents::table
        .filter(documents::person_id.eq(person_id))
        .filter(documents::withdrawn_at.is_null())
        .order((documents::published_at.desc(), documents::id.desc()))
        .limit(limit)
        .select((
            documents::id,
            documents::title,
            documents::file_name,
            documents::content_type,
            documents::published_at,
        ))
        .load(conn)?;
    let ids: Vec<&String> = rows.iter().map(|r| &r.0).collect();
    let opened: Vec<(String, Option<NaiveDateTime>)> = document_opens::table
        .filter(document_opens::document_id.eq_any(ids))
        .group_by(document_opens::document_id)
        .select((
            document_opens::document_id,
            diesel::dsl::min(document_opens::first_opened_at),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(id, title, file_name, content_type, published_at)| StaffDocument {
                first_opened_at: opened
                    .iter()
                    .find(|(d, _)| *d == id)
                    .and_then(|(_, at)| at.map(|t| t.and_utc())),
                id,
                title,
                file_name,
                content_type,
                published_at: published_at.and_utc(),
            },
        )
        .collect())
}

/// A document published to a person, as staff open it to check what was sent: its name, type
/// and bytes. Opening it is in the audit log; it does not count as the person opening it.
pub async fn open_for_staff(
    state: &AppState,
    user: &Staff,
    person_id: PersonId,
    document_id: DocumentId,
) -> Result<(String, String, Vec<u8>), ApiError> {
    let user = user.clone();
    state
        .database
        .write(move |conn| {
            let found: Option<(String, String, Vec<u8>)> = documents::table
                .filter(documents::id.eq(&document_id))
                .filter(documents::person_id.eq(&person_id))
                .filter(documents::withdrawn_at.is_null())
                .select((
                    documents::file_name,
                    documents::content_type,
                    documents::content,
                ))
                .first(conn)
                .optional()?;
            let found = found.ok_or(ApiError::NotFound)?;
            audit::record(
                conn,
                &user,
                Event::read(Subject::Document, &document_id, Some(&person_id)),
            )?;
            Ok(found)
        })
        .await
}

/// Takes a document out of the person's Items to view (it is kept, for the record).
pub async fn withdraw(
    state: &AppState,
    user: &Staff,
    person_id: PersonId,
    document_id: DocumentId,
) -> Result<(), ApiError> {
    let ending = Ending::new(
        Action::Withdraw,
        Subject::Document,
        &document_id,
        Some(&person_id),
    );
    audit::end(state, user, ending, move |conn, now| {
        diesel::update(
            documents::table
                .filter(documents::id.eq(&document_id))
                .filter(documents::person_id.eq(&person_id))
                .filter(documents::withdrawn_at.is_null()),
        )
        .set(documents::withdrawn_at.eq(Some(now)))
        .execute(conn)
    })
    .await
}
