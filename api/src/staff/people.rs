//! People as staff keep them: find a record, open it (details, who can see it, who works with
//! them, documents, forms and conversations), correct it, end a link, withdraw a document.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use shared::api::{
    CreatePersonRequest, DocumentId, LinkId, LinkView, OptionalWord, PersonDetails, PersonId,
    Relationship, StaffDocument, StaffPersonView, TeamThreadSummary,
};

use crate::audit::{self, Action, Ending, Event, Subject};
use crate::auth::Staff;
use crate::calendar::timestamp;
use crate::citizen::person::{Person, blank_to_none, prepare};
use crate::citizen::{invitations, involvements, items, live_links, today};
use crate::db::DbConnection;
use crate::db::schema::{
    accounts, document_opens, documents, message_threads, people, person_links,
};
use crate::error::ApiError;
use crate::pagination::PageRequest;
use crate::referrals::submissions;
use crate::state::AppState;

/// How many of each kind the record page shows.
const LATEST: i64 = 20;

/// A live link with its account's name and address.
type LinkRow = (
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<chrono::NaiveDate>,
);

fn links(conn: &mut DbConnection, person_id: &str) -> Result<Vec<LinkView>, ApiError> {
    let rows: Vec<LinkRow> = person_links::table
        .inner_join(accounts::table)
        .filter(person_links::person_id.eq(person_id))
        .filter(live_links!(today()))
        .order(person_links::created_at)
        .select((
            person_links::id,
            accounts::forename,
            accounts::surname,
            accounts::email,
            person_links::relationship,
            person_links::legal_basis,
            person_links::ends_on,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(
            |(id, forename, surname, email, relationship, legal_basis, ends_on)| {
                Ok(LinkView {
                    id,
                    account_name: format!("{forename} {surname}"),
                    email,
                    relationship: Relationship::try_from(relationship)?,
                    legal_basis: OptionalWord::try_from(legal_basis)?.0,
                    ends_on,
                })
            },
        )
        .collect()
}

fn latest_documents(conn: &mut DbConnection, person_id: &str) -> QueryResult<Vec<StaffDocument>> {
    let rows: Vec<(String, String, String, String, NaiveDateTime)> = documents::table
        .filter(documents::person_id.eq(person_id))
        .filter(documents::withdrawn_at.is_null())
        .order((documents::published_at.desc(), documents::id.desc()))
        .limit(LATEST)
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

fn latest_threads(conn: &mut DbConnection, person: &Person) -> QueryResult<Vec<TeamThreadSummary>> {
    let rows: Vec<(String, String, NaiveDateTime)> = message_threads::table
        .filter(message_threads::person_id.eq(&person.id))
        .order((
            message_threads::last_message_at.desc(),
            message_threads::id.desc(),
        ))
        .limit(LATEST)
        .select((
            message_threads::id,
            message_threads::subject,
            message_threads::last_message_at,
        ))
        .load(conn)?;
    let ids: Vec<&String> = rows.iter().map(|r| &r.0).collect();
    let unread = crate::citizen::team_messages::unread_among(conn, &ids)?;
    Ok(rows
        .into_iter()
        .map(|(id, subject, last)| TeamThreadSummary {
            unread: unread.contains(&id),
            id,
            person_id: person.id.clone(),
            person_name: format!("{} {}", person.forename, person.surname),
            subject,
            last_message_at: last.and_utc(),
        })
        .collect())
}

/// A person's record for staff; the reading is in the audit log.
pub async fn record(
    state: &AppState,
    user: &Staff,
    person_id: PersonId,
) -> Result<StaffPersonView, ApiError> {
    let user_for_log = user.clone();
    let (person, links, involved, documents, item_rows, threads, invitations, referrals, formats) =
        state
            .database
            .run(move |conn| {
                conn.write_transaction(|conn| {
                    let person = Person::find(conn, &person_id)?.ok_or(ApiError::NotFound)?;
                    let links = links(conn, &person_id)?;
                    let (involved, _) = involvements::current_for(
                        conn,
                        &person_id,
                        &PageRequest {
                            after: None,
                            limit: LATEST,
                        },
                    )?;
                    let documents = latest_documents(conn, &person_id)?;
                    let item_rows = items::latest(conn, &person_id, LATEST)?;
                    let threads = latest_threads(conn, &person)?;
                    let invitations = invitations::of_person(conn, &person_id, LATEST)?;
                    let referrals = submissions::about_person(conn, &person_id, LATEST)?;
                    let formats = crate::citizen::formats::of_person(conn, &person_id)?;
                    audit::record(
                        conn,
                        &user_for_log,
                        Event::read(Subject::Person, &person_id, Some(&person_id)),
                    )?;
                    Ok::<_, ApiError>((
                        person,
                        links,
                        involved,
                        documents,
                        item_rows,
                        threads,
                        invitations,
                        referrals,
                        formats,
                    ))
                })
            })
            .await?;
    Ok(StaffPersonView {
        details: person.details(),
        links,
        involvements: involved,
        documents,
        items: items::summaries(state, item_rows)?,
        threads,
        invitations,
        referrals,
        format_requests: formats,
    })
}

/// Corrects a person's details; what is left out is cleared, as on a paper form.
pub async fn update(
    state: &AppState,
    user: &Staff,
    person_id: PersonId,
    request: CreatePersonRequest,
) -> Result<PersonDetails, ApiError> {
    let request = prepare(request).map_err(ApiError::Validation)?;
    let user = user.clone();
    state
        .database
        .run(move |conn| {
            conn.write_transaction(|conn| {
                Person::find(conn, &person_id)?.ok_or(ApiError::NotFound)?;
                let address = request.address.as_ref();
                let postcode = address
                    .and_then(|a| shared::rules::Postcode::parse(&a.postcode).ok())
                    .map(|p| p.to_string());
                diesel::update(people::table.find(&person_id))
                    .set((
                        people::forename.eq(request.forename.trim()),
                        people::surname.eq(request.surname.trim()),
                        people::date_of_birth.eq(request.date_of_birth),
                        people::address_line1.eq(address.map(|a| a.line1.trim().to_owned())),
                        people::address_line2
                            .eq(address.and_then(|a| blank_to_none(a.line2.clone()))),
                        people::town.eq(address.map(|a| a.town.trim().to_owned())),
                        people::postcode.eq(postcode),
                        people::email.eq(&request.email),
                        people::home_phone.eq(&request.home_phone),
                        people::mobile_phone.eq(&request.mobile_phone),
                        people::nhs_number.eq(&request.nhs_number),
                        people::updated_at.eq(timestamp()),
                    ))
                    .execute(conn)?;
                crate::citizen::person::index_names(
                    conn,
                    &person_id,
                    request.forename.trim(),
                    request.surname.trim(),
                )?;
                audit::record(
                    conn,
                    &user,
                    Event::new(
                        Action::Update,
                        Subject::Person,
                        &person_id,
                        Some(&person_id),
                    ),
                )?;
                Ok(Person::find(conn, &person_id)?
                    .ok_or(ApiError::NotFound)?
                    .details())
            })
        })
        .await
}

/// Ends an account's access to a person's record from now.
pub async fn end_link(
    state: &AppState,
    user: &Staff,
    person_id: PersonId,
    link_id: LinkId,
) -> Result<(), ApiError> {
    let ending = Ending::new(Action::End, Subject::Link, &link_id, Some(&person_id));
    audit::end(state, user, ending, move |conn, now| {
        diesel::update(
            person_links::table
                .filter(person_links::id.eq(&link_id))
                .filter(person_links::person_id.eq(&person_id))
                .filter(person_links::ended_at.is_null()),
        )
        .set(person_links::ended_at.eq(Some(now)))
        .execute(conn)
    })
    .await
}

/// A document published to a person, as staff open it to check what was sent: its name, type
/// and bytes. Opening it is in the audit log; it does not count as the person opening it.
pub async fn open_document(
    state: &AppState,
    user: &Staff,
    person_id: PersonId,
    document_id: DocumentId,
) -> Result<(String, String, Vec<u8>), ApiError> {
    let user = user.clone();
    state
        .database
        .run(move |conn| {
            conn.write_transaction(|conn| {
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
        })
        .await
}

/// Takes a document out of the person's Items to view (it is kept, for the record).
pub async fn withdraw_document(
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
