//! Accounts: registration, sign-in with an emailed code, password reset, sessions.
//!
//! Handlers parse and validate; these functions hold the rules. Each change and the email it
//! causes are written in one transaction.

pub mod codes;
pub mod email_change;
pub mod limits;
pub mod password_reset;
pub mod profile;
pub mod registration;
pub mod session;
pub mod sessions;
pub mod sign_in;
pub mod staff;

use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime, Utc};
use diesel::prelude::*;
use shared::api::{AccountView, Role, full_name};
use shared::language::Language;

use crate::auth::throttle;
use crate::db::DbConnection;
use crate::db::schema::accounts;
use crate::error::ApiError;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = accounts)]
pub struct Account {
    pub id: String,
    pub email: String,
    pub forename: String,
    pub surname: String,
    pub password_hash: String,
    #[diesel(deserialize_as = String)]
    pub role: Role,
    pub email_verified_at: Option<NaiveDateTime>,
    pub disabled_at: Option<NaiveDateTime>,
    /// The language the person chose; their emails come in it.
    #[diesel(deserialize_as = String)]
    pub language: Language,
}

impl Account {
    pub fn by_email(conn: &mut DbConnection, email: &str) -> QueryResult<Option<Self>> {
        accounts::table
            .filter(accounts::email.eq(email))
            .select(Self::as_select())
            .first(conn)
            .optional()
    }

    pub fn by_id(conn: &mut DbConnection, id: &str) -> QueryResult<Option<Self>> {
        accounts::table
            .find(id)
            .select(Self::as_select())
            .first(conn)
            .optional()
    }

    pub fn role(&self) -> Role {
        self.role
    }

    pub fn is_active(&self) -> bool {
        self.disabled_at.is_none()
    }

    pub fn view(&self) -> AccountView {
        AccountView {
            id: self.id.clone(),
            forename: self.forename.clone(),
            surname: self.surname.clone(),
            email: self.email.clone(),
            role: self.role(),
            language: self.language,
        }
    }
}

/// An account whose address is already proved: the council's staff accounts, and the
/// demonstration accounts.
pub struct Verified<'a> {
    pub email: &'a str,
    pub forename: &'a str,
    pub surname: &'a str,
    pub role: Role,
    pub password_hash: &'a str,
}

/// Stores a verified account in the caller's transaction; gives its id.
pub fn insert_verified(
    conn: &mut DbConnection,
    account: Verified<'_>,
    now: NaiveDateTime,
) -> QueryResult<String> {
    let id = uuid::Uuid::now_v7().to_string();
    diesel::insert_into(accounts::table)
        .values((
            accounts::id.eq(&id),
            accounts::email.eq(account.email),
            accounts::forename.eq(account.forename),
            accounts::surname.eq(account.surname),
            accounts::password_hash.eq(account.password_hash),
            accounts::role.eq(account.role.as_str()),
            accounts::email_verified_at.eq(Some(now)),
            accounts::failed_attempts.eq(0),
            accounts::created_at.eq(now),
            accounts::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(id)
}

/// How the council addresses an account holder.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = accounts)]
pub struct Contact {
    pub email: String,
    pub forename: String,
    pub surname: String,
    pub disabled_at: Option<NaiveDateTime>,
    #[diesel(deserialize_as = String)]
    pub language: Language,
}

impl Contact {
    /// The name as pages show it.
    pub fn name(&self) -> String {
        full_name(&self.forename, &self.surname)
    }

    pub fn is_active(&self) -> bool {
        self.disabled_at.is_none()
    }
}

/// The names and addresses of the accounts `ids`, by id, for a page of rows that name
/// accounts: one query by primary key, however long the page.
pub fn contacts<'a>(
    conn: &mut DbConnection,
    ids: impl IntoIterator<Item = &'a str>,
) -> QueryResult<HashMap<String, Contact>> {
    let ids: Vec<&str> = ids.into_iter().collect();
    Ok(accounts::table
        .filter(accounts::id.eq_any(ids))
        .select((accounts::id, Contact::as_select()))
        .load::<(String, Contact)>(conn)?
        .into_iter()
        .collect())
}

/// The names of the accounts `ids` as pages show them, by id (see `contacts`).
pub fn names<'a>(
    conn: &mut DbConnection,
    ids: impl IntoIterator<Item = &'a str>,
) -> QueryResult<HashMap<String, String>> {
    Ok(contacts(conn, ids)?
        .into_iter()
        .map(|(id, contact)| (id, contact.name()))
        .collect())
}

/// Whether the account is a member of staff (or an administrator) whose account is switched
/// on: someone a referral can be given to.
pub fn is_working_staff(conn: &mut DbConnection, id: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        accounts::table
            .filter(accounts::id.eq(id))
            .filter(accounts::role.eq_any([Role::Staff.as_str(), Role::Administrator.as_str()]))
            .filter(accounts::disabled_at.is_null()),
    ))
    .get_result(conn)
}

pub fn now() -> NaiveDateTime {
    Utc::now().naive_utc()
}

/// Counts a wrong password against `key`; when that locks it, says until when. Locks grow:
/// a minute at `lock_after_failures`, doubling with each further failure up to `lock_minutes`.
pub fn count_failure(
    conn: &mut DbConnection,
    state_auth: &crate::configuration::AuthSettings,
    key: &str,
    refusal: ApiError,
    now: NaiveDateTime,
) -> Result<ApiError, ApiError> {
    let longest = Duration::minutes(state_auth.lock_minutes);
    let locked = throttle::count(
        conn,
        key,
        state_auth.lock_after_failures,
        Duration::days(1),
        throttle::Lock::Growing {
            first: Duration::minutes(1).min(longest),
            longest,
        },
        now,
    )?;
    Ok(match locked {
        Some(until) => ApiError::TooManyAttempts { until },
        None => refusal,
    })
}

/// Redeems an emailed code for `account` (when there is one): a right one runs `then` in the
/// same transaction with the account and what the code was for. A code allows a
/// few tries of its own and nothing else locks this step: the code is the proof that the
/// person holds the mailbox, so no lock on the address may stand in its way (a reset with a
/// valid code works even while someone is guessing the password).
///
/// The outer `Result` fails the transaction; the inner one is the answer, committed either way,
/// so that a refusal still records its failed try.
pub fn redeem_code<T>(
    conn: &mut DbConnection,
    key: &[u8],
    account: Option<Account>,
    purpose: crate::accounts::codes::Purpose,
    code: &str,
    now: NaiveDateTime,
    then: impl FnOnce(
        &mut DbConnection,
        Account,
        crate::accounts::codes::Redeemed,
    ) -> Result<T, ApiError>,
) -> Result<Result<T, ApiError>, ApiError> {
    use crate::accounts::codes;
    let verdict = match &account {
        Some(account) => codes::consume(conn, key, &account.id, purpose, code, now)?,
        None => Err(codes::wrong_code()),
    };
    match (account, verdict) {
        (Some(account), Ok(redeemed)) => Ok(Ok(then(conn, account, redeemed)?)),
        (_, Err(refusal)) => Ok(Err(refusal)),
        (None, Ok(_)) => Ok(Err(codes::wrong_code())),
    }
}

/// A registration whose code never came back is removed after this long.
const KEEP_UNVERIFIED: Duration = Duration::days(7);

/// Removes registrations never verified within a week (hourly, by `crate::purge`).
pub fn purge_unverified(conn: &mut DbConnection, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(
        accounts::table
            .filter(accounts::email_verified_at.is_null())
            .filter(accounts::created_at.lt(now - KEEP_UNVERIFIED)),
    )
    .execute(conn)
}
