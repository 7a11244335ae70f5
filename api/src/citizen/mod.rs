//! The citizen record: people (care records kept by staff), the accounts that may see them,
//! the professionals involved, and messages about them.
//!
//! Every citizen route starts with `Access::check`: a user sees only the people they are
//! linked to by a link that has not ended, and anything else is "not found", so ids are never
//! confirmed to people who may not see them.

pub mod dashboard;
pub mod documents;
pub mod formats;
pub mod invitations;
pub mod involvements;
pub mod items;
pub mod messages;
pub mod person;
pub mod team_messages;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use minijinja::context;
use shared::api::{CouncilView, LegalBasis, OptionalWord, PersonSummary, Relationship};

use crate::db::DbConnection;
use crate::db::schema::{accounts, people, person_links};
use crate::email::{self, Template};
use crate::error::ApiError;

/// Today in the council's terms (England), for link end dates.
pub fn today() -> NaiveDate {
    crate::calendar::today()
}

/// A live link between an account and a person: who may see whose record, and how.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = person_links)]
pub struct Link {
    pub person_id: String,
    #[diesel(deserialize_as = String)]
    pub relationship: Relationship,
    #[diesel(deserialize_as = Option<String>)]
    pub legal_basis: OptionalWord<LegalBasis>,
    pub ends_on: Option<NaiveDate>,
}

/// Proof that the account may see the person, carrying what pages show of the link.
#[derive(Debug, Clone)]
pub struct Access {
    pub account_id: String,
    pub person: PersonSummary,
}

/// The filter for links that still work on `today`.
macro_rules! live_links {
    ($today:expr) => {
        person_links::ended_at.is_null().and(
            person_links::ends_on
                .is_null()
                .or(person_links::ends_on.ge($today)),
        )
    };
}
pub(crate) use live_links;

impl Access {
    /// The account's access to `person_id`, or not found.
    pub fn check(
        conn: &mut DbConnection,
        account_id: &str,
        person_id: &str,
    ) -> Result<Self, ApiError> {
        let found: Option<(Link, String, String)> = person_links::table
            .inner_join(people::table)
            .filter(person_links::account_id.eq(account_id))
            .filter(person_links::person_id.eq(person_id))
            .filter(live_links!(today()))
            .select((Link::as_select(), people::forename, people::surname))
            .first(conn)
            .optional()?;
        let (link, forename, surname) = found.ok_or(ApiError::NotFound)?;
        Ok(Self {
            account_id: account_id.to_owned(),
            person: summary(link, &forename, &surname),
        })
    }
}

pub fn summary(link: Link, forename: &str, surname: &str) -> PersonSummary {
    PersonSummary {
        id: link.person_id,
        name: format!("{forename} {surname}"),
        relationship: link.relationship,
        legal_basis: link.legal_basis.0,
        access_ends_on: link.ends_on,
    }
}

/// An account that can see a person's record today, and how.
#[derive(Debug, Queryable)]
pub struct Reader {
    pub link: Link,
    pub email: String,
    pub forename: String,
    pub surname: String,
}

/// The accounts that can see the person's record today (live links of accounts switched on),
/// the person's own first, then by name.
pub fn readers(conn: &mut DbConnection, person_id: &str) -> QueryResult<Vec<Reader>> {
    person_links::table
        .inner_join(accounts::table)
        .filter(person_links::person_id.eq(person_id))
        .filter(live_links!(today()))
        .filter(accounts::disabled_at.is_null())
        .order((
            person_links::relationship.desc(),
            accounts::surname,
            accounts::forename,
        ))
        .select((
            Link::as_select(),
            accounts::email,
            accounts::forename,
            accounts::surname,
        ))
        .load(conn)
}

/// Tells every account linked to the person that something is waiting for them, in the
/// caller's transaction. The email says only what kind of thing, never what it holds.
pub fn notify_linked(
    conn: &mut DbConnection,
    council: &CouncilView,
    link: &url::Url,
    person_id: &str,
    template: Template,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    for reader in readers(conn, person_id)? {
        let (address, forename) = (reader.email, reader.forename);
        let message = email::templates::render(
            template,
            &address,
            council,
            context! { forename => forename, link => link.as_str() },
        )?;
        email::enqueue(conn, &message, now)?;
    }
    Ok(())
}
