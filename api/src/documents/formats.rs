//! Documents in another format: a person (or their proxy) asks for a document, or all their
//! documents, in large print, easy read, audio, braille or another language. The request is a
//! message to the team the council file names (`formats_message_type`), so it is answered like
//! any other; staff publish the new version in answer, and the person sees it beside the
//! request. `format_requests` lives here.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use shared::api::{
    DocumentFormat, FormatAnswer, FormatRequestCreate, FormatRequestView, NewMessageRequest,
    PersonId,
};
use uuid::Uuid;

use crate::accounts;
use crate::auth::CurrentUser;
use crate::calendar::timestamp;
use crate::db::DbConnection;
use crate::db::schema::{documents, format_requests};
use crate::error::ApiError;
use crate::pagination::{Cursor, PageRequest};
use crate::people::Access;
use crate::state::AppState;

/// Requests shown on a record for staff, newest first.
const SHOWN_TO_STAFF: i64 = 20;

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = format_requests)]
struct Row {
    id: String,
    document_id: Option<String>,
    format: String,
    language: Option<String>,
    requested_by: String,
    requested_at: NaiveDateTime,
    thread_id: String,
    answered_by: Option<String>,
    answered_at: Option<NaiveDateTime>,
}

/// The rows as people read them: with the documents' titles and the asker's name.
fn views(conn: &mut DbConnection, rows: Vec<Row>) -> Result<Vec<FormatRequestView>, ApiError> {
    let document_ids: Vec<&String> = rows
        .iter()
        .flat_map(|r| r.document_id.iter().chain(r.answered_by.iter()))
        .collect();
    let titles: std::collections::HashMap<String, String> = documents::table
        .filter(documents::id.eq_any(document_ids))
        .select((documents::id, documents::title))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect();
    let askers = accounts::names(conn, rows.iter().map(|r| r.requested_by.as_str()))?;
    rows.into_iter()
        .map(|row| {
            // The column is constrained to the formats there are.
            let format = DocumentFormat::parse(&row.format).ok_or_else(|| {
                ApiError::Internal(anyhow::anyhow!("unknown format {}", row.format))
            })?;
            Ok(FormatRequestView {
                document_title: row
                    .document_id
                    .as_ref()
                    .and_then(|d| titles.get(d).cloned()),
                answer: row.answered_by.as_ref().map(|d| FormatAnswer {
                    document_id: d.clone(),
                    title: titles.get(d).cloned().unwrap_or_default(),
                }),
                requested_by: askers
                    .get(&row.requested_by)
                    .cloned()
                    .unwrap_or_else(|| "A former account".to_owned()),
                id: row.id,
                document_id: row.document_id,
                format,
                language: row.language,
                requested_at: row.requested_at.and_utc(),
                thread_id: row.thread_id,
                answered_at: row.answered_at.map(|a| a.and_utc()),
            })
        })
        .collect()
}

/// The person or their proxy asks for a document, or every document, in another format.
pub async fn ask(
    state: &AppState,
    user: &CurrentUser,
    person_id: PersonId,
    request: FormatRequestCreate,
) -> Result<FormatRequestView, ApiError> {
    let errors = request.validate_in(crate::request_language::current());
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let account_id = user.account_id.clone();
    let message_type = state.council.formats_message_type().to_owned();
    let view = state
        .write(move |conn| {
            Access::check(conn, &account_id, &person_id)?;
            let title = match &request.document_id {
                Some(document) => Some(
                    documents::table
                        .filter(documents::id.eq(document))
                        .filter(documents::person_id.eq(&person_id))
                        .filter(documents::withdrawn_at.is_null())
                        .select(documents::title)
                        .first::<String>(conn)
                        .optional()?
                        .ok_or(ApiError::NotFound)?,
                ),
                None => None,
            };
            let language = request
                .language
                .as_deref()
                .map(str::trim)
                .filter(|l| !l.is_empty());
            let wanted = FormatRequestCreate::describe(request.format, language);
            let (subject, body) = match &title {
                Some(title) => (
                    format!("{wanted}: {title}"),
                    format!("Please send me \u{201c}{title}\u{201d} in this format: {wanted}."),
                ),
                None => (
                    format!("{wanted}: all letters and documents"),
                    format!(
                        "Please send me letters and documents in this format from now \
                             on: {wanted}."
                    ),
                ),
            };
            let now = timestamp();
            let thread_id = crate::messages::write_to_team(
                conn,
                &account_id,
                &person_id,
                &NewMessageRequest {
                    message_type,
                    subject: subject.chars().take(shared::api::MAX_SUBJECT).collect(),
                    body,
                },
                now,
            )?;
            let id = Uuid::now_v7().to_string();
            diesel::insert_into(format_requests::table)
                .values((
                    format_requests::id.eq(&id),
                    format_requests::person_id.eq(&person_id),
                    format_requests::document_id.eq(&request.document_id),
                    format_requests::format.eq(request.format.as_str()),
                    format_requests::language.eq(language),
                    format_requests::requested_by.eq(&account_id),
                    format_requests::requested_at.eq(now),
                    format_requests::thread_id.eq(&thread_id),
                ))
                .execute(conn)?;
            let row = format_requests::table
                .find(&id)
                .select(Row::as_select())
                .first(conn)?;
            Ok::<_, ApiError>(views(conn, vec![row])?.remove(0))
        })
        .await?;
    Ok(view)
}

/// A person's requests, newest first, a keyset page at a time.
pub async fn list(
    state: &AppState,
    user: &CurrentUser,
    person_id: PersonId,
    page: PageRequest,
) -> Result<(Vec<FormatRequestView>, Option<String>), ApiError> {
    let account_id = user.account_id.clone();
    let (limit, after) = (page.limit + 1, page.after.clone());
    let rows = state
        .database
        .run(move |conn| {
            Access::check(conn, &account_id, &person_id)?;
            let mut select = format_requests::table
                .filter(format_requests::person_id.eq(&person_id))
                .order((
                    format_requests::requested_at.desc(),
                    format_requests::id.desc(),
                ))
                .limit(limit)
                .select(Row::as_select())
                .into_boxed();
            if let Some(cursor) = after {
                select = select.filter(crate::older_than!(
                    format_requests::requested_at,
                    format_requests::id,
                    cursor
                ));
            }
            let rows: Vec<Row> = select.load(conn)?;
            Ok::<_, ApiError>(rows)
        })
        .await?;
    let (rows, next) = page.finish(rows, |r| Cursor {
        at: r.requested_at,
        id: r.id.clone(),
    });
    let views = state.database.run(move |conn| views(conn, rows)).await?;
    Ok((views, next))
}

/// The newest requests on a record, for staff (who answer them by publishing).
pub fn of_person(
    conn: &mut DbConnection,
    person_id: &str,
) -> Result<Vec<FormatRequestView>, ApiError> {
    let rows = format_requests::table
        .filter(format_requests::person_id.eq(person_id))
        .order((
            format_requests::requested_at.desc(),
            format_requests::id.desc(),
        ))
        .limit(SHOWN_TO_STAFF)
        .select(Row::as_select())
        .load(conn)?;
    views(conn, rows)
}

/// Marks a request answered by a document just published to the same person, in the
/// publishing transaction. A request of another person's record is not found; one already
/// answered is refused, naming the field.
pub fn answer(
    conn: &mut DbConnection,
    person_id: &str,
    request_id: &str,
    document_id: &str,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    let answered: Option<Option<String>> = format_requests::table
        .filter(format_requests::id.eq(request_id))
        .filter(format_requests::person_id.eq(person_id))
        .select(format_requests::answered_by)
        .first(conn)
        .optional()?;
    match answered {
        None => Err(ApiError::NotFound),
        Some(Some(_)) => Err(ApiError::field(
            "answers",
            crate::request_language::says("format-request-answered"),
        )),
        Some(None) => {
            diesel::update(format_requests::table.find(request_id))
                .set((
                    format_requests::answered_by.eq(document_id),
                    format_requests::answered_at.eq(now),
                ))
                .execute(conn)?;
            Ok(())
        }
    }
}
