//! Matching a referral to the person it is about. Candidate records come by NHS number, then
//! surname and date of birth, then postcode and date of birth, each read through an index;
//! a member of staff links one, or starts a new record from the referral's answers. Nothing
//! is linked on its own: two people can share a birthday and a street.

use std::collections::BTreeMap;

use diesel::prelude::*;
use shared::api::{
    AddressView, CreatePersonRequest, MatchReason, PersonCandidate, PersonId, PersonMatch,
    ReferredPerson, StaffSubmissionView, SubmissionId, full_name,
};
use shared::forms::{Answers, Identity};

use crate::audit::{self, Action, Event, Subject};
use crate::auth::{CurrentUser, Staff};
use crate::db::DbConnection;
use crate::db::schema::submissions;
use crate::error::ApiError;
use crate::people::person::{self, Person};
use crate::referrals::from_json;
use crate::state::AppState;

/// Candidates shown, at most.
const SHOWN: usize = 10;

/// Fills in who the referral says it is about and, while it is linked to no record, the
/// records that may be the person.
pub async fn fill(state: &AppState, view: &mut StaffSubmissionView) -> Result<(), ApiError> {
    let Some(questions) = state
        .forms
        .get(&view.entry.form_id)
        .and_then(|form| form.person.clone())
    else {
        return Ok(());
    };
    let id = view.entry.id.clone();
    let linked = view.entry.person_id.is_some();
    let (identity, candidates) = state
        .database
        .run(move |conn| {
            let identity = questions.identity(&answers_of(conn, &id)?);
            let candidates = if linked {
                Vec::new()
            } else {
                candidates(conn, &identity)?
            };
            Ok::<_, ApiError>((identity, candidates))
        })
        .await?;
    view.about = Some(ReferredPerson {
        forename: identity.forename.clone(),
        surname: identity.surname.clone(),
        date_of_birth: identity.date_of_birth,
        nhs_number: identity.nhs_number.clone(),
        postcode: identity.postcode().map(str::to_owned),
    });
    view.candidates = candidates;
    Ok(())
}

fn answers_of(conn: &mut DbConnection, submission_id: &str) -> Result<Answers, ApiError> {
    let answers: String = submissions::table
        .find(submission_id)
        .select(submissions::answers)
        .first(conn)
        .optional()?
        .ok_or(ApiError::NotFound)?;
    from_json(&answers)
}

/// The records that may be `identity`, best reason first, then by name.
fn candidates(
    conn: &mut DbConnection,
    identity: &Identity,
) -> Result<Vec<PersonCandidate>, ApiError> {
    let mut found: BTreeMap<String, (Person, Vec<MatchReason>)> = BTreeMap::new();
    let mut add = |people: Vec<Person>, reason: MatchReason| {
        for person in people {
            found
                .entry(person.id.clone())
                .or_insert_with(|| (person, Vec::new()))
                .1
                .push(reason);
        }
    };
    if let Some(number) = &identity.nhs_number {
        add(
            Person::with_nhs_number(conn, number, SHOWN as i64)?,
            MatchReason::NhsNumber,
        );
    }
    if let Some(born) = identity.date_of_birth {
        if let Some(surname) = &identity.surname {
            let same = Person::born_on(conn, born, 200)?
                .into_iter()
                .filter(|p| same_name(&p.surname, surname))
                .collect();
            add(same, MatchReason::SurnameAndDateOfBirth);
        }
        if let Some(postcode) = identity.postcode() {
            add(
                Person::born_at(conn, born, postcode, SHOWN as i64)?,
                MatchReason::PostcodeAndDateOfBirth,
            );
        }
    }
    let mut candidates: Vec<(Person, Vec<MatchReason>)> = found.into_values().collect();
    candidates.sort_by(|(a, ra), (b, rb)| {
        ra.iter()
            .min()
            .cmp(&rb.iter().min())
            .then(rb.len().cmp(&ra.len()))
            .then((&a.surname, &a.forename).cmp(&(&b.surname, &b.forename)))
    });
    Ok(candidates
        .into_iter()
        .take(SHOWN)
        .map(|(person, reasons)| PersonCandidate {
            person: PersonMatch {
                name: full_name(&person.forename, &person.surname),
                id: person.id,
                date_of_birth: person.date_of_birth,
                postcode: person.postcode,
            },
            reasons,
        })
        .collect())
}

/// Surnames compared as people write them: case, accents, spacing and punctuation aside, folded
/// as the name search folds them.
fn same_name(a: &str, b: &str) -> bool {
    person::fold(a).concat() == person::fold(b).concat()
}

/// The submission, unlinked, in the caller's transaction; 409 once it is linked.
fn unlinked(conn: &mut DbConnection, submission_id: &str) -> Result<(), ApiError> {
    let linked: Option<String> = submissions::table
        .find(submission_id)
        .select(submissions::person_id)
        .first(conn)
        .optional()?
        .ok_or(ApiError::NotFound)?;
    match linked {
        None => Ok(()),
        Some(_) => Err(ApiError::Conflict {
            code: "already_linked",
            detail: "This referral is already linked to a person's record.".into(),
        }),
    }
}

fn link_in(
    conn: &mut DbConnection,
    user: &CurrentUser,
    submission_id: &str,
    person_id: &str,
) -> Result<(), ApiError> {
    diesel::update(submissions::table.find(submission_id))
        .set(submissions::person_id.eq(Some(person_id)))
        .execute(conn)?;
    audit::record(
        conn,
        user,
        Event::new(
            Action::Link,
            Subject::Submission,
            submission_id,
            Some(person_id),
        ),
    )?;
    Ok(())
}

/// Links a referral to the record a member of staff chose.
pub async fn link(
    state: &AppState,
    user: &Staff,
    submission_id: SubmissionId,
    person_id: PersonId,
) -> Result<StaffSubmissionView, ApiError> {
    let actor = user.clone();
    let id = submission_id.clone();
    state
        .database
        .write(move |conn| {
            unlinked(conn, &id)?;
            if Person::find(conn, &person_id)?.is_none() {
                return Err(ApiError::field("person_id", "Choose a person's record"));
            }
            link_in(conn, &actor, &id, &person_id)
        })
        .await?;
    super::get(state, user, submission_id).await
}

/// Starts a record from what the referral says of the person, and links the referral to it.
pub async fn create_from(
    state: &AppState,
    user: &Staff,
    submission_id: SubmissionId,
) -> Result<StaffSubmissionView, ApiError> {
    let questions = state
        .database
        .run({
            let id = submission_id.clone();
            move |conn| {
                submissions::table
                    .find(&id)
                    .select(submissions::form_id)
                    .first::<String>(conn)
                    .optional()?
                    .ok_or(ApiError::NotFound)
            }
        })
        .await
        .map(|form_id| state.forms.get(&form_id).and_then(|f| f.person.clone()))?
        .ok_or_else(|| ApiError::field("person", "This form does not say who it is about"))?;
    let actor = user.clone();
    let id = submission_id.clone();
    state
        .database
        .write(move |conn| {
            unlinked(conn, &id)?;
            let identity = questions.identity(&answers_of(conn, &id)?);
            let (Some(forename), Some(surname)) = (identity.forename, identity.surname) else {
                return Err(ApiError::field(
                    "person",
                    "The referral does not give the person's first and last names",
                ));
            };
            let request = person::prepare(CreatePersonRequest {
                forename,
                surname,
                date_of_birth: identity.date_of_birth,
                nhs_number: identity.nhs_number,
                address: identity.address.map(|a| AddressView {
                    line1: a.line1,
                    line2: a.line2,
                    town: a.town,
                    postcode: a.postcode,
                }),
                email: None,
                home_phone: None,
                mobile_phone: None,
            })
            .map_err(ApiError::Validation)?;
            let person_id = person::insert(conn, &actor, &request, None)?;
            link_in(conn, &actor, &id, &person_id)
        })
        .await?;
    super::get(state, user, submission_id).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_match_whatever_their_case_accents_and_spacing() {
        assert!(same_name("Okafor", "OKAFOR"));
        assert!(same_name("Brontë", "Bronte"));
        assert!(same_name("O'Neill", "ONeill"));
        assert!(same_name("Ap Rhys", "ap-rhys"));
        assert!(!same_name("Okafor", "Okafo"));
    }
}
