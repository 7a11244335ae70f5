//! The professionals working with a person now.

use diesel::prelude::*;
use shared::api::{CreateInvolvementRequest, FieldErrors, InvolvementView, PersonId};
use shared::language::Language;
use uuid::Uuid;

use super::Access;
use super::person::Person;
use crate::audit::{Action, Subject};
use crate::auth::{CurrentUser, Staff};
use crate::calendar::timestamp;
use crate::db::DbConnection;
use crate::db::schema::involvements;
use crate::error::ApiError;
use crate::pagination::{Cursor, PageRequest};
use crate::state::AppState;

type Row = (
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    chrono::NaiveDate,
);

fn view(row: Row) -> InvolvementView {
    let (id, name, role, team, phone, email, since) = row;
    InvolvementView {
        id,
        name,
        role,
        team,
        phone,
        email,
        since,
    }
}

/// One page of the involvements that have not ended, longest-standing first, in the caller's
/// connection.
pub fn current_for(
    conn: &mut crate::db::DbConnection,
    person_id: &str,
    page: &PageRequest,
) -> QueryResult<(Vec<InvolvementView>, Option<String>)> {
    let mut select = involvements::table
        .filter(involvements::person_id.eq(person_id))
        .filter(
            involvements::ended_on
                .is_null()
                .or(involvements::ended_on.ge(super::today())),
        )
        .order((involvements::since, involvements::id))
        .limit(page.limit + 1)
        .select((
            involvements::id,
            involvements::name,
            involvements::role,
            involvements::team,
            involvements::phone,
            involvements::email,
            involvements::since,
        ))
        .into_boxed();
    if let Some(Cursor { at, id }) = page.after.clone() {
        let since = at.date();
        // The plain `>=` lets the database seek to the page in its index.
        select = select.filter(involvements::since.ge(since)).filter(
            involvements::since
                .gt(since)
                .or(involvements::since.eq(since).and(involvements::id.gt(id))),
        );
    }
    let rows: Vec<Row> = select.load(conn)?;
    let (rows, next) = page.finish(rows, |row| Cursor {
        at: row.6.and_time(chrono::NaiveTime::MIN),
        id: row.0.clone(),
    });
    Ok((rows.into_iter().map(view).collect(), next))
}

/// A page of the involvements of a person the account may see.
pub async fn current(
    state: &AppState,
    user: &CurrentUser,
    person_id: PersonId,
    page: PageRequest,
) -> Result<(Vec<InvolvementView>, Option<String>), ApiError> {
    let account_id = user.account_id.clone();
    state
        .database
        .run(move |conn| {
            Access::check(conn, &account_id, &person_id)?;
            Ok(current_for(conn, &person_id, &page)?)
        })
        .await
}

/// A new involvement as it will be stored: blanks are absent, and the rules checked, their
/// messages in `language`.
pub fn prepare(
    request: CreateInvolvementRequest,
    language: Language,
) -> Result<CreateInvolvementRequest, FieldErrors> {
    let tidy = |v: Option<String>| v.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    let request = CreateInvolvementRequest {
        phone: tidy(request.phone),
        email: tidy(request.email),
        ..request
    };
    let errors = request.validate_in(language);
    if errors.is_empty() {
        Ok(request)
    } else {
        Err(errors)
    }
}

/// Stores a prepared involvement of an existing person, and writes the audit entry, in the
/// caller's transaction.
pub fn insert(
    conn: &mut DbConnection,
    actor: &CurrentUser,
    person_id: &str,
    request: &CreateInvolvementRequest,
) -> QueryResult<InvolvementView> {
    let id = Uuid::now_v7().to_string();
    diesel::insert_into(involvements::table)
        .values((
            involvements::id.eq(&id),
            involvements::person_id.eq(person_id),
            involvements::name.eq(request.name.trim()),
            involvements::role.eq(request.role.trim()),
            involvements::team.eq(request.team.trim()),
            involvements::phone.eq(&request.phone),
            involvements::email.eq(&request.email),
            involvements::since.eq(request.since),
            involvements::created_at.eq(timestamp()),
        ))
        .execute(conn)?;
    crate::audit::record(
        conn,
        actor,
        crate::audit::Event::new(Action::Create, Subject::Involvement, &id, Some(person_id)),
    )?;
    Ok(InvolvementView {
        id,
        name: request.name.trim().to_owned(),
        role: request.role.trim().to_owned(),
        team: request.team.trim().to_owned(),
        phone: request.phone.clone(),
        email: request.email.clone(),
        since: request.since,
    })
}

/// Staff record a professional working with a person.
pub async fn create(
    state: &AppState,
    user: &Staff,
    person_id: PersonId,
    request: CreateInvolvementRequest,
) -> Result<InvolvementView, ApiError> {
    let request =
        prepare(request, crate::request_language::current()).map_err(ApiError::Validation)?;
    let actor = user.clone();
    state
        .database
        .write(move |conn| {
            Person::find(conn, &person_id)?.ok_or(ApiError::NotFound)?;
            Ok(insert(conn, &actor, &person_id, &request)?)
        })
        .await
}

/// How many professionals are involved with the person today, for the record's tile.
pub fn current_count(conn: &mut DbConnection, person_id: &str) -> QueryResult<i64> {
    involvements::table
        .filter(involvements::person_id.eq(person_id))
        .filter(
            involvements::ended_on
                .is_null()
                .or(involvements::ended_on.ge(super::today())),
        )
        .count()
        .get_result(conn)
}
