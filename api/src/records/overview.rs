//! A person's record as staff open it: details, who can see it, who works with them, documents,
//! forms and conversations, each read from the module that owns it, in one audited read.

use shared::api::{PersonId, StaffPersonView};

use crate::audit::{self, Event, Subject};
use crate::auth::Staff;
use crate::error::ApiError;
use crate::messages::team as team_messages;
use crate::pagination::PageRequest;
use crate::people::person::{self, Person};
use crate::people::{invitations, involvements};
use crate::referrals::submissions;
use crate::state::AppState;
use crate::{documents, items};

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
            .write(move |conn| {
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
                let formats = crate::documents::formats::of_person(conn, &person_id)?;
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
