//! Invitations to see a person's record. Staff invite an email address; the account holder with
//! that address accepts (and only then is the account linked) or declines. Accepting proves
//! the person at the other end holds the address, which a link typed in by staff cannot.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use minijinja::context;
use shared::api::{
    CreateLinkRequest, InvitationId, InvitationView, LegalBasis, OptionalWord, PersonId,
    PersonSummary, Relationship, StaffInvitation, full_name,
};
use shared::rules::normalise_email;
use uuid::Uuid;

use super::person::{Person, link_account};
use super::today;
use crate::accounts::Account;
use crate::audit::{self, Action, Ending, Event, Subject};
use crate::auth::{CurrentUser, Staff};
use crate::calendar::timestamp;
use crate::db::DbConnection;
use crate::db::schema::{link_invitations, people};
use crate::email::{self, Template};
use crate::error::ApiError;
use crate::state::AppState;

/// How long an invitation can be accepted.
pub const LIFETIME: Duration = Duration::days(30);

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = link_invitations)]
struct Invitation {
    id: String,
    person_id: String,
    email: String,
    #[diesel(deserialize_as = String)]
    relationship: Relationship,
    #[diesel(deserialize_as = Option<String>)]
    legal_basis: OptionalWord<LegalBasis>,
    ends_on: Option<NaiveDate>,
    invited_at: NaiveDateTime,
    expires_at: NaiveDateTime,
    answered_at: Option<NaiveDateTime>,
    accepted: Option<bool>,
    withdrawn_at: Option<NaiveDateTime>,
}

impl Invitation {
    fn state(&self, now: NaiveDateTime) -> &'static str {
        if self.withdrawn_at.is_some() {
            return "withdrawn";
        }
        match (self.answered_at, self.accepted) {
            (Some(_), Some(true)) => "accepted",
            (Some(_), _) => "declined",
            (None, _) if self.expires_at <= now => "expired",
            (None, _) => "waiting",
        }
    }

    fn staff_view(self, now: NaiveDateTime) -> StaffInvitation {
        StaffInvitation {
            state: self.state(now).to_owned(),
            id: self.id,
            email: self.email,
            relationship: self.relationship,
            legal_basis: self.legal_basis.0,
            invited_at: self.invited_at.and_utc(),
            expires_at: self.expires_at.and_utc(),
        }
    }
}

/// Staff invite an address to see a person's record, as the person or as a proxy.
pub async fn invite(
    state: &AppState,
    user: &Staff,
    person_id: PersonId,
    request: CreateLinkRequest,
) -> Result<StaffInvitation, ApiError> {
    let errors = request.validate_in(today(), crate::request_language::current());
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let (relationship, legal_basis) = request
        .footing()
        .ok_or_else(super::person::unsettled_footing)?;
    let email = normalise_email(&request.email);
    let actor = user.clone();
    let council = state.council.view().clone();
    let link = state.public_url.join("account")?;
    let invitation = state
        .write(move |conn| {
            Person::find(conn, &person_id)?.ok_or(ApiError::NotFound)?;
            let now = timestamp();
            let id = Uuid::now_v7().to_string();
            diesel::insert_into(link_invitations::table)
                .values((
                    link_invitations::id.eq(&id),
                    link_invitations::person_id.eq(&person_id),
                    link_invitations::email.eq(&email),
                    link_invitations::relationship.eq(relationship.as_str()),
                    link_invitations::legal_basis.eq(legal_basis.map(LegalBasis::as_str)),
                    link_invitations::ends_on.eq(request.ends_on),
                    link_invitations::invited_by.eq(&actor.account_id),
                    link_invitations::invited_at.eq(now),
                    link_invitations::expires_at.eq(now + LIFETIME),
                ))
                .execute(conn)?;
            // In the language of the address's account, if it has one yet.
            let language = crate::accounts::Account::by_email(conn, &email)?
                .map(|account| account.language)
                .unwrap_or_default();
            let message = email::templates::render(
                Template::LinkInvitation,
                &email,
                language,
                &council,
                context! {
                    link => link.as_str(),
                    expires => crate::i18n::date(language, crate::calendar::london_date(now + LIFETIME)),
                },
            )?;
            email::enqueue(conn, &message, now)?;
            audit::record(
                conn,
                &actor,
                Event::new(Action::Invite, Subject::Invitation, &id, Some(&person_id)),
            )?;
            let invitation: Invitation = link_invitations::table
                .find(&id)
                .select(Invitation::as_select())
                .first(conn)?;
            Ok::<_, ApiError>(invitation.staff_view(now))
        })
        .await?;
    Ok(invitation)
}

/// The invitations of a person's record, newest first, for the staff record page.
pub fn of_person(
    conn: &mut DbConnection,
    person_id: &str,
    n: i64,
) -> QueryResult<Vec<StaffInvitation>> {
    let now = timestamp();
    Ok(link_invitations::table
        .filter(link_invitations::person_id.eq(person_id))
        .order((
            link_invitations::invited_at.desc(),
            link_invitations::id.desc(),
        ))
        .limit(n)
        .select(Invitation::as_select())
        .load(conn)?
        .into_iter()
        .map(|i| i.staff_view(now))
        .collect())
}

/// The signed-in account's address, as invitations are addressed.
fn address(conn: &mut DbConnection, account_id: &str) -> Result<String, ApiError> {
    Ok(Account::by_id(conn, account_id)?
        .filter(Account::is_active)
        .ok_or(ApiError::Unauthorized)?
        .email)
}

/// The filter for invitations still open at `now`: not answered, not withdrawn, not expired.
macro_rules! open_invitations {
    ($now:expr) => {
        link_invitations::answered_at
            .is_null()
            .and(link_invitations::withdrawn_at.is_null())
            .and(link_invitations::expires_at.gt($now))
    };
}

/// The invitation `id` to the account's address, still open.
fn open_for(
    conn: &mut DbConnection,
    email: &str,
    id: &str,
    now: NaiveDateTime,
) -> Result<(Invitation, String, String), ApiError> {
    link_invitations::table
        .inner_join(people::table)
        .filter(link_invitations::id.eq(id))
        .filter(link_invitations::email.eq(email))
        .filter(open_invitations!(now))
        .select((Invitation::as_select(), people::forename, people::surname))
        .first(conn)
        .optional()?
        .ok_or(ApiError::NotFound)
}

/// The open invitations to the signed-in account's address.
pub async fn mine(state: &AppState, user: &CurrentUser) -> Result<Vec<InvitationView>, ApiError> {
    let account_id = user.account_id.clone();
    state
        .database
        .run(move |conn| {
            let email = address(conn, &account_id)?;
            let rows: Vec<(Invitation, String, String)> = link_invitations::table
                .inner_join(people::table)
                .filter(link_invitations::email.eq(&email))
                .filter(open_invitations!(timestamp()))
                .order(link_invitations::invited_at)
                .select((Invitation::as_select(), people::forename, people::surname))
                .load(conn)?;
            Ok(rows
                .into_iter()
                .map(|(i, forename, surname)| InvitationView {
                    id: i.id,
                    person_name: full_name(&forename, &surname),
                    relationship: i.relationship,
                    legal_basis: i.legal_basis.0,
                    ends_on: i.ends_on,
                    expires_at: i.expires_at.and_utc(),
                })
                .collect())
        })
        .await
}

/// Accepts an invitation: the account is linked to the person as the invitation says.
pub async fn accept(
    state: &AppState,
    user: &CurrentUser,
    id: InvitationId,
) -> Result<PersonSummary, ApiError> {
    let account_id = user.account_id.clone();
    state
        .database
        .write(move |conn| {
            let email = address(conn, &account_id)?;
            let now = timestamp();
            let (invitation, forename, surname) = open_for(conn, &email, &id, now)?;
            link_account(
                conn,
                &invitation.person_id,
                &account_id,
                invitation.relationship,
                invitation.legal_basis.0,
                invitation.ends_on,
                now,
            )?;
            diesel::update(link_invitations::table.find(&id))
                .set((
                    link_invitations::answered_at.eq(Some(now)),
                    link_invitations::accepted.eq(Some(true)),
                ))
                .execute(conn)?;
            Ok(PersonSummary {
                id: invitation.person_id,
                name: full_name(&forename, &surname),
                relationship: invitation.relationship,
                legal_basis: invitation.legal_basis.0,
                access_ends_on: invitation.ends_on,
            })
        })
        .await
}

/// Declines an invitation; nothing is linked.
pub async fn decline(
    state: &AppState,
    user: &CurrentUser,
    id: InvitationId,
) -> Result<(), ApiError> {
    let account_id = user.account_id.clone();
    state
        .database
        .write(move |conn| {
            let email = address(conn, &account_id)?;
            let now = timestamp();
            open_for(conn, &email, &id, now)?;
            diesel::update(link_invitations::table.find(&id))
                .set((
                    link_invitations::answered_at.eq(Some(now)),
                    link_invitations::accepted.eq(Some(false)),
                ))
                .execute(conn)?;
            Ok(())
        })
        .await
}

/// Staff withdraw an invitation nobody has answered (sent to the wrong address, or no longer
/// wanted): it stays on the record as withdrawn and can no longer be accepted.
pub async fn withdraw(
    state: &AppState,
    user: &Staff,
    person_id: PersonId,
    id: InvitationId,
) -> Result<(), ApiError> {
    let ending = Ending::new(Action::Withdraw, Subject::Invitation, &id, Some(&person_id));
    audit::end(state, user, ending, move |conn, now| {
        diesel::update(
            link_invitations::table
                .filter(link_invitations::id.eq(&id))
                .filter(link_invitations::person_id.eq(&person_id))
                .filter(open_invitations!(now)),
        )
        .set(link_invitations::withdrawn_at.eq(Some(now)))
        .execute(conn)
    })
    .await
}
