//! People as staff keep them: open a record (details, who can see it, who works with them,
//! documents, forms and conversations, each read from the module that owns it) and correct it.

use diesel::prelude::*;
use shared::api::{CreatePersonRequest, PersonDetails, PersonId, StaffPersonView};

use crate::audit::{self, Action, Event, Subject};
use crate::auth::Staff;
use crate::calendar::timestamp;
use crate::citizen::person::{self, Person, blank_to_none, prepare};
use crate::citizen::{documents, invitations, involvements, items, team_messages};
use crate::db::schema::people;
use crate::error::ApiError;
use crate::pagination::PageRequest;
use crate::referrals::submissions;
use crate::state::AppState;

/// How many of each kind the record page shows.
const LATEST: i64 = 20;

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
                    let links = person::live_links_of(conn, &person_id)?;
                    let (involved, _) = involvements::current_for(
                        conn,
                        &person_id,
                        &PageRequest {
                            after: None,
                            limit: LATEST,
                        },
                    )?;
                    let documents = documents::latest_for_staff(conn, &person_id, LATEST)?;
                    let item_rows = items::latest(conn, &person_id, LATEST)?;
                    let threads = team_messages::latest_of(conn, &person, LATEST)?;
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
