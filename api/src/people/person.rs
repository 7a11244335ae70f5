//! People: staff create records and link accounts to them; account holders list the people
//! they may see and read the details the council holds.

use std::collections::HashMap;

use chrono::NaiveDate;
use diesel::prelude::*;
use shared::api::{
    AddressView, CreateLinkRequest, CreatePersonRequest, FieldErrors, LegalBasis, LinkId, LinkView,
    PersonDetails, PersonId, PersonSummary, QueuePerson, RecordReader, Relationship, full_name,
};
use shared::language::Language;
use shared::rules::normalise_email;
use uuid::Uuid;

use super::{Access, Link, live_links, summary, today};
use crate::accounts::{self, Account};
use crate::audit::{self, Action, Ending, Event, Subject};
use crate::auth::{CurrentUser, Staff};
use crate::calendar::timestamp;
use crate::db::DbConnection;
use crate::db::schema::{people, person_links, person_names};
use crate::error::ApiError;
use crate::request_language::{current as current_language, says};
use crate::state::AppState;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = people)]
pub struct Person {
    pub id: String,
    pub forename: String,
    pub surname: String,
    pub date_of_birth: Option<NaiveDate>,
    pub address_line1: Option<String>,
    pub address_line2: Option<String>,
    pub town: Option<String>,
    pub postcode: Option<String>,
    pub email: Option<String>,
    pub home_phone: Option<String>,
    pub mobile_phone: Option<String>,
    pub nhs_number: Option<String>,
}

impl Person {
    /// Those with the NHS number (through `people_nhs_number`), at most `limit`.
    pub fn with_nhs_number(
        conn: &mut DbConnection,
        number: &str,
        limit: i64,
    ) -> QueryResult<Vec<Self>> {
        people::table
            .filter(people::nhs_number.eq(number))
            .select(Self::as_select())
            .limit(limit)
            .load(conn)
    }

    /// Everyone born on `day` (through `people_date_of_birth`), by surname: few, whatever the
    /// table's size, and at most `limit`.
    pub fn born_on(conn: &mut DbConnection, day: NaiveDate, limit: i64) -> QueryResult<Vec<Self>> {
        people::table
            .filter(people::date_of_birth.eq(day))
            .order((people::surname, people::id))
            .limit(limit)
            .select(Self::as_select())
            .load(conn)
    }

    /// Those born on `day` with the postcode, at most `limit`.
    pub fn born_at(
        conn: &mut DbConnection,
        day: NaiveDate,
        postcode: &str,
        limit: i64,
    ) -> QueryResult<Vec<Self>> {
        people::table
            .filter(people::date_of_birth.eq(day))
            .filter(people::postcode.eq(postcode))
            .select(Self::as_select())
            .limit(limit)
            .load(conn)
    }

    pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<Self>> {
        people::table
            .find(id)
            .select(Self::as_select())
            .first(conn)
            .optional()
    }

    pub fn details(self) -> PersonDetails {
        let address = match (self.address_line1, self.town, self.postcode) {
            (Some(line1), Some(town), Some(postcode)) => Some(AddressView {
                line1,
                line2: self.address_line2,
                town,
                postcode,
            }),
            _ => None,
        };
        PersonDetails {
            id: self.id,
            forename: self.forename,
            surname: self.surname,
            date_of_birth: self.date_of_birth,
            nhs_number: self.nhs_number,
            address,
            email: self.email,
            home_phone: self.home_phone,
            mobile_phone: self.mobile_phone,
        }
    }
}

/// The people the account may see now, by name.
pub async fn mine(state: &AppState, user: &CurrentUser) -> Result<Vec<PersonSummary>, ApiError> {
    let account_id = user.account_id.clone();
    let rows: Vec<(Link, String, String)> = state
        .database
        .run(move |conn| {
            person_links::table
                .inner_join(people::table)
                .filter(person_links::account_id.eq(&account_id))
                .filter(live_links!(today()))
                .order((people::surname, people::forename, people::id))
                .select((Link::as_select(), people::forename, people::surname))
                .load(conn)
                .map_err(ApiError::from)
        })
        .await?;
    Ok(rows
        .into_iter()
        .map(|(link, forename, surname)| summary(link, &forename, &surname))
        .collect())
}

/// The Details tile.
pub async fn details(
    state: &AppState,
    user: &CurrentUser,
    person_id: PersonId,
) -> Result<PersonDetails, ApiError> {
    let account_id = user.account_id.clone();
    state
        .database
        .run(move |conn| {
            Access::check(conn, &account_id, &person_id)?;
            Ok(Person::find(conn, &person_id)?
                .ok_or(ApiError::NotFound)?
                .details())
        })
        .await
}

/// Who can see the record online today: the person and those who look after them, the person
/// first. Anyone who may see the record may see who else can.
pub async fn readers(
    state: &AppState,
    user: &CurrentUser,
    person_id: PersonId,
) -> Result<Vec<RecordReader>, ApiError> {
    let account_id = user.account_id.clone();
    let readers = state
        .database
        .run(move |conn| {
            Access::check(conn, &account_id, &person_id)?;
            Ok::<_, ApiError>(super::readers(conn, &person_id)?)
        })
        .await?;
    Ok(readers
        .into_iter()
        .map(|r| RecordReader {
            name: r.contact.name(),
            relationship: r.link.relationship,
            legal_basis: r.link.legal_basis.0,
            ends_on: r.link.ends_on,
        })
        .collect())
}

pub(crate) fn blank_to_none(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

/// A new record's fields as they will be stored: blanks are absent, and the rules checked, in
/// English (imports, whose errors are a file's, and matching a form to a new record).
pub fn prepare(request: CreatePersonRequest) -> Result<CreatePersonRequest, FieldErrors> {
    prepare_in(request, Language::English)
}

/// `prepare` with the rules' messages in `language`.
pub fn prepare_in(
    request: CreatePersonRequest,
    language: Language,
) -> Result<CreatePersonRequest, FieldErrors> {
    let request = CreatePersonRequest {
        email: blank_to_none(request.email),
        home_phone: blank_to_none(request.home_phone),
        mobile_phone: blank_to_none(request.mobile_phone),
        nhs_number: blank_to_none(request.nhs_number),
        ..request
    };
    let errors = request.validate_in(today(), language);
    if errors.is_empty() {
        Ok(CreatePersonRequest {
            nhs_number: request.nhs_number.as_deref().map(nhs_digits),
            ..request
        })
    } else {
        Err(errors)
    }
}

/// An NHS number as it is kept: its ten digits, without the spaces people write.
pub fn nhs_digits(number: &str) -> String {
    number.chars().filter(char::is_ascii_digit).collect()
}

/// Text as staff may type it for a name: lowercase, accents and other marks taken off
/// (`deunicode`: "Łukasz Nguyễn" reads "lukasz nguyen"), each word with its punctuation
/// dropped ("O'Neil" is "oneil").
pub fn fold(text: &str) -> Vec<String> {
    deunicode::deunicode(text)
        .to_lowercase()
        .split_whitespace()
        .map(|word| {
            word.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
        })
        .filter(|word| !word.is_empty())
        .collect()
}

/// Every word a person may be found by: each folded word of the names, and the parts of a
/// word joined by punctuation ("mary-ann" is found by "maryann", "mary" and "ann").
pub fn name_words(forename: &str, surname: &str) -> std::collections::BTreeSet<String> {
    let mut words = std::collections::BTreeSet::new();
    let spelled = deunicode::deunicode(&format!("{forename} {surname}")).to_lowercase();
    for word in spelled.split_whitespace() {
        let joined: String = word.chars().filter(char::is_ascii_alphanumeric).collect();
        if !joined.is_empty() {
            words.insert(joined);
        }
        for part in word.split(|c: char| !c.is_ascii_alphanumeric()) {
            if !part.is_empty() {
                words.insert(part.to_owned());
            }
        }
    }
    words
}

/// Keeps the words a person is found by in step with their names, in the caller's
/// transaction (after every insert or change of a name).
pub fn index_names(
    conn: &mut DbConnection,
    person_id: &str,
    forename: &str,
    surname: &str,
) -> QueryResult<()> {
    diesel::delete(person_names::table.filter(person_names::person_id.eq(person_id)))
        .execute(conn)?;
    // One statement a word: a name has a handful, and the two backends share no batch insert.
    for word in name_words(forename, surname) {
        diesel::insert_into(person_names::table)
            .values((
                person_names::word.eq(word),
                person_names::person_id.eq(person_id),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Fills the name words of records held before names were indexed (migration 000025), once:
/// at start, when no record has any yet.
pub fn index_unindexed_names(conn: &mut DbConnection) -> QueryResult<usize> {
    let indexed: i64 = person_names::table.count().get_result(conn)?;
    if indexed > 0 {
        return Ok(0);
    }
    let all: Vec<(String, String, String)> = people::table
        .select((people::id, people::forename, people::surname))
        .load(conn)?;
    conn.transaction(|conn| {
        for (id, forename, surname) in &all {
            index_names(conn, id, forename, surname)?;
        }
        Ok(all.len())
    })
}

/// Stores a prepared record, with the council's own reference for it if it has one, and
/// writes the audit entry, in the caller's transaction.
pub fn insert(
    conn: &mut DbConnection,
    actor: &CurrentUser,
    request: &CreatePersonRequest,
    council_reference: Option<&str>,
) -> QueryResult<String> {
    let now = timestamp();
    let id = Uuid::now_v7().to_string();
    let address = request.address.as_ref();
    let postcode = address
        .and_then(|a| shared::rules::Postcode::parse(&a.postcode).ok())
        .map(|p| p.to_string());
    diesel::insert_into(people::table)
        .values((
            people::id.eq(&id),
            people::forename.eq(request.forename.trim()),
            people::surname.eq(request.surname.trim()),
            people::date_of_birth.eq(request.date_of_birth),
            people::address_line1.eq(address.map(|a| a.line1.trim().to_owned())),
            people::address_line2.eq(address.and_then(|a| blank_to_none(a.line2.clone()))),
            people::town.eq(address.map(|a| a.town.trim().to_owned())),
            people::postcode.eq(postcode),
            people::email.eq(&request.email),
            people::home_phone.eq(&request.home_phone),
            people::mobile_phone.eq(&request.mobile_phone),
            people::nhs_number.eq(request.nhs_number.as_deref().map(nhs_digits)),
            people::council_reference.eq(council_reference),
            people::created_at.eq(now),
            people::updated_at.eq(now),
        ))
        .execute(conn)?;
    index_names(conn, &id, request.forename.trim(), request.surname.trim())?;
    crate::audit::record(
        conn,
        actor,
        crate::audit::Event::new(Action::Create, Subject::Person, &id, Some(&id)),
    )?;
    Ok(id)
}

/// Staff create a person's record.
pub async fn create(
    state: &AppState,
    user: &Staff,
    request: CreatePersonRequest,
) -> Result<PersonDetails, ApiError> {
    let request = prepare_in(request, current_language()).map_err(ApiError::Validation)?;
    let actor = user.clone();
    state
        .database
        .write(move |conn| {
            let id = insert(conn, &actor, &request, None)?;
            Ok(Person::find(conn, &id)?
                .ok_or(ApiError::NotFound)?
                .details())
        })
        .await
}

/// Links an account to a person in the caller's transaction, ending any earlier link between
/// them (a new footing replaces the old one).
pub fn link_account(
    conn: &mut DbConnection,
    person_id: &str,
    account_id: &str,
    relationship: Relationship,
    legal_basis: Option<LegalBasis>,
    ends_on: Option<NaiveDate>,
    now: chrono::NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(
        person_links::table
            .filter(person_links::person_id.eq(person_id))
            .filter(person_links::account_id.eq(account_id))
            .filter(person_links::ended_at.is_null()),
    )
    .set(person_links::ended_at.eq(Some(now)))
    .execute(conn)?;
    diesel::insert_into(person_links::table)
        .values((
            person_links::id.eq(Uuid::now_v7().to_string()),
            person_links::person_id.eq(person_id),
            person_links::account_id.eq(account_id),
            person_links::relationship.eq(relationship.as_str()),
            person_links::legal_basis.eq(legal_basis.map(LegalBasis::as_str)),
            person_links::ends_on.eq(ends_on),
            person_links::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// Staff give an existing account access to a person's record directly, as the person or as a
/// proxy, once they have checked the account holder's identity another way (the staff pages
/// invite instead). An account already linked to the person gets its link replaced.
pub async fn link(
    state: &AppState,
    user: &Staff,
    person_id: PersonId,
    request: CreateLinkRequest,
) -> Result<PersonSummary, ApiError> {
    let errors = request.validate_in(today(), current_language());
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let (relationship, legal_basis) = request.footing().ok_or_else(unsettled_footing)?;
    let email = normalise_email(&request.email);
    let actor = user.clone();
    state
        .database
        .write(move |conn| {
            let person = Person::find(conn, &person_id)?.ok_or(ApiError::NotFound)?;
            let account = Account::by_email(conn, &email)?
                .filter(|a| a.is_active() && a.role() == shared::api::Role::Public)
                .ok_or_else(|| ApiError::field("email", says("person-no-public-account")))?;
            link_account(
                conn,
                &person.id,
                &account.id,
                relationship,
                legal_basis,
                request.ends_on,
                timestamp(),
            )?;
            crate::audit::record(
                conn,
                &actor,
                crate::audit::Event::new(
                    Action::Link,
                    Subject::Link,
                    &account.id,
                    Some(&person.id),
                ),
            )?;
            Ok(PersonSummary {
                id: person.id,
                name: full_name(&person.forename, &person.surname),
                relationship,
                legal_basis,
                access_ends_on: request.ends_on,
            })
        })
        .await
}

/// A link request whose footing `validate` passed but `footing` cannot read: the two disagree,
/// which they never do, so no person meets these words (and they stay English); `validate_in`
/// words a relationship that is neither self nor proxy in the request's language.
pub(crate) fn unsettled_footing() -> ApiError {
    ApiError::field("relationship", "Choose self or proxy")
}

/// The accounts whose link to the person works today, with their names and addresses, for
/// the record as staff see it.
pub fn live_links_of(conn: &mut DbConnection, person_id: &str) -> Result<Vec<LinkView>, ApiError> {
    let links: Vec<Link> = person_links::table
        .filter(person_links::person_id.eq(person_id))
        .filter(live_links!(today()))
        .order(person_links::created_at)
        .select(Link::as_select())
        .load(conn)?;
    let mut contacts = accounts::contacts(conn, links.iter().map(|l| l.account_id.as_str()))?;
    links
        .into_iter()
        .map(|link| {
            let contact = contacts
                .remove(&link.account_id)
                .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("a link names no account")))?;
            Ok(LinkView {
                account_name: contact.name(),
                email: contact.email,
                relationship: link.relationship,
                legal_basis: link.legal_basis.0,
                ends_on: link.ends_on,
                id: link.id,
            })
        })
        .collect()
}

/// The records with these council references: each reference with its record's id.
pub fn by_council_reference<'a>(
    conn: &mut DbConnection,
    references: impl IntoIterator<Item = &'a str>,
) -> QueryResult<HashMap<String, String>> {
    let references: Vec<&str> = references.into_iter().collect();
    Ok(people::table
        .filter(people::council_reference.eq_any(references))
        .select((people::council_reference.assume_not_null(), people::id))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect())
}

/// Of `ids`, those that name a record.
pub fn existing<'a>(
    conn: &mut DbConnection,
    ids: impl IntoIterator<Item = &'a str>,
) -> QueryResult<Vec<String>> {
    let ids: Vec<&str> = ids.into_iter().collect();
    people::table
        .filter(people::id.eq_any(ids))
        .select(people::id)
        .load(conn)
}

/// The names of the people `ids` as pages show them, by id, for a page of rows about people:
/// one query by primary key.
pub fn names<'a>(
    conn: &mut DbConnection,
    ids: impl IntoIterator<Item = &'a str>,
) -> QueryResult<HashMap<String, String>> {
    let ids: Vec<&str> = ids.into_iter().collect();
    Ok(people::table
        .filter(people::id.eq_any(ids))
        .select((people::id, people::forename, people::surname))
        .load::<(String, String, String)>(conn)?
        .into_iter()
        .map(|(id, forename, surname)| (id, full_name(&forename, &surname)))
        .collect())
}

/// The names, dates of birth and postcodes of the people `ids`, by id, for a page of
/// referrals linked to them: one query by primary key.
pub fn identities<'a>(
    conn: &mut DbConnection,
    ids: impl IntoIterator<Item = &'a str>,
) -> QueryResult<HashMap<String, QueuePerson>> {
    let ids: Vec<&str> = ids.into_iter().collect();
    Ok(people::table
        .filter(people::id.eq_any(ids))
        .select((
            people::id,
            people::forename,
            people::surname,
            people::date_of_birth,
            people::postcode,
        ))
        .load::<(String, String, String, Option<NaiveDate>, Option<String>)>(conn)?
        .into_iter()
        .map(|(id, forename, surname, date_of_birth, postcode)| {
            let person = QueuePerson {
                name: Some(full_name(&forename, &surname)),
                date_of_birth,
                postcode,
            };
            (id, person)
        })
        .collect())
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

/// Corrects a person's details; what is left out is cleared, as on a paper form.
pub async fn update(
    state: &AppState,
    user: &Staff,
    person_id: PersonId,
    request: CreatePersonRequest,
) -> Result<PersonDetails, ApiError> {
    let request = prepare_in(request, current_language()).map_err(ApiError::Validation)?;
    let user = user.clone();
    state
        .database
        .write(move |conn| {
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
                    people::address_line2.eq(address.and_then(|a| blank_to_none(a.line2.clone()))),
                    people::town.eq(address.map(|a| a.town.trim().to_owned())),
                    people::postcode.eq(postcode),
                    people::email.eq(&request.email),
                    people::home_phone.eq(&request.home_phone),
                    people::mobile_phone.eq(&request.mobile_phone),
                    people::nhs_number.eq(&request.nhs_number),
                    people::updated_at.eq(timestamp()),
                ))
                .execute(conn)?;
            index_names(
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
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_found_by_any_word_whatever_its_accents_case_and_punctuation() {
        let words: Vec<String> = name_words("Mary-Ann", "O'Neil Nguyễn")
            .into_iter()
            .collect();
        assert_eq!(
            words,
            ["ann", "mary", "maryann", "neil", "nguyen", "o", "oneil"]
        );
        assert_eq!(fold("  ŁUKASZ  o'neil "), ["lukasz", "oneil"]);
    }
}
