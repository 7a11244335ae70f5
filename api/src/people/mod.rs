//! People and links: the people whose care records the council keeps, the accounts that may
//! see each record (links, and the invitations that make them), the professionals involved,
//! and finding a person. Every read and write of those tables is here.
//!
//! Every route about a person's record starts with `Access::check`: a user sees only the
//! people they are linked to by a link that has not ended, and anything else is "not found",
//! so ids are never confirmed to people who may not see them.

pub mod invitations;
pub mod involvements;
pub mod person;
pub mod search;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use minijinja::context;
use shared::api::{CouncilView, LegalBasis, OptionalWord, PersonSummary, Relationship, full_name};

use crate::accounts;
use crate::db::DbConnection;
use crate::db::schema::{people, person_links};
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
    pub id: String,
    pub person_id: String,
    pub account_id: String,
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
        name: full_name(forename, surname),
        relationship: link.relationship,
        legal_basis: link.legal_basis.0,
        access_ends_on: link.ends_on,
    }
}

/// An account that can see a person's record today, and how.
#[derive(Debug)]
pub struct Reader {
    pub link: Link,
    pub contact: accounts::Contact,
}

/// The accounts that can see the person's record today (live links of accounts switched on),
/// the person's own first, then by name.
pub fn readers(conn: &mut DbConnection, person_id: &str) -> QueryResult<Vec<Reader>> {
    let links: Vec<Link> = person_links::table
        .filter(person_links::person_id.eq(person_id))
        .filter(live_links!(today()))
        .select(Link::as_select())
        .load(conn)?;
    let mut contacts = accounts::contacts(conn, links.iter().map(|l| l.account_id.as_str()))?;
    let mut readers: Vec<Reader> = links
        .into_iter()
        .filter_map(|link| {
            let contact = contacts
                .remove(&link.account_id)
                .filter(|c| c.is_active())?;
            Some(Reader { link, contact })
        })
        .collect();
    readers.sort_by(|a, b| {
        let own = |r: &Reader| r.link.relationship != Relationship::Own;
        let (x, y) = (&a.contact, &b.contact);
        (own(a), &x.surname, &x.forename).cmp(&(own(b), &y.surname, &y.forename))
    });
    Ok(readers)
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
        let contact = reader.contact;
        let message = email::templates::render(
            template,
            &contact.email,
            contact.language,
            council,
            context! { forename => contact.forename, link => link.as_str() },
        )?;
        email::enqueue(conn, &message, now)?;
    }
    Ok(())
}
