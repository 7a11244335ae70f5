//! Six-digit codes sent by email: stored only as keyed hashes, single use, a few tries each.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use rand::Rng;
use uuid::Uuid;

use crate::auth::keys::{constant_time_eq, keyed_hash};
use crate::db::DbConnection;
use crate::db::schema::one_time_codes;
use crate::error::ApiError;
use crate::request_language::says;

pub const MAX_ATTEMPTS: i32 = 5;
/// "Send a new code" waits this long after the last code.
pub const RESEND_AFTER_SECONDS: i64 = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    VerifyEmail,
    SignIn,
    ResetPassword,
    /// Sent to a new address, which the account moves to when the code comes back.
    ChangeEmail,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Self::VerifyEmail => "verify_email",
            Self::SignIn => "sign_in",
            Self::ResetPassword => "reset_password",
            Self::ChangeEmail => "change_email",
        }
    }

    /// Registration and reset codes give people time to find the email; sign-in codes less.
    pub fn lifetime(self) -> Duration {
        match self {
            Self::VerifyEmail | Self::ResetPassword | Self::ChangeEmail => Duration::minutes(20),
            Self::SignIn => Duration::minutes(10),
        }
    }
}

fn hash(key: &[u8], id: &str, code: &str) -> String {
    // The row id is mixed in, so equal codes in two rows have unrelated hashes.
    keyed_hash(key, &format!("{id}:{code}"))
}

/// Makes a new code for `account_id`, ending any earlier unused one of the same purpose, and
/// returns the code to email.
pub fn issue(
    conn: &mut DbConnection,
    key: &[u8],
    account_id: &str,
    email: &str,
    purpose: Purpose,
    now: NaiveDateTime,
) -> QueryResult<String> {
    end_live(conn, account_id, purpose, now)?;
    insert(conn, key, account_id, email, purpose, None, now)
}

/// Stops every unused code of this purpose for the account from working.
pub fn end_live(
    conn: &mut DbConnection,
    account_id: &str,
    purpose: Purpose,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        one_time_codes::table
            .filter(one_time_codes::account_id.eq(account_id))
            .filter(one_time_codes::purpose.eq(purpose.as_str()))
            .filter(one_time_codes::consumed_at.is_null()),
    )
    .set(one_time_codes::consumed_at.eq(Some(now)))
    .execute(conn)
}

/// Makes a code for one registration of an unverified address, carrying what it asked for
/// (`registration`), beside the codes of other registrations of the address: the first does
/// not stop working because someone else registered the address too.
pub fn issue_for_registration(
    conn: &mut DbConnection,
    key: &[u8],
    account_id: &str,
    email: &str,
    registration: &str,
    now: NaiveDateTime,
) -> QueryResult<String> {
    insert(
        conn,
        key,
        account_id,
        email,
        Purpose::VerifyEmail,
        Some(registration),
        now,
    )
}

/// The registration the newest live registration code carries, for "send a new code".
pub fn newest_registration(
    conn: &mut DbConnection,
    account_id: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<String>> {
    Ok(one_time_codes::table
        .filter(one_time_codes::account_id.eq(account_id))
        .filter(one_time_codes::purpose.eq(Purpose::VerifyEmail.as_str()))
        .filter(one_time_codes::consumed_at.is_null())
        .filter(one_time_codes::expires_at.gt(now))
        .order(one_time_codes::created_at.desc())
        .select(one_time_codes::registration)
        .first::<Option<String>>(conn)
        .optional()?
        .flatten())
}

fn insert(
    conn: &mut DbConnection,
    key: &[u8],
    account_id: &str,
    email: &str,
    purpose: Purpose,
    registration: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<String> {
    let code = format!("{:06}", rand::rngs::OsRng.gen_range(0..1_000_000));
    let id = Uuid::now_v7().to_string();
    diesel::insert_into(one_time_codes::table)
        .values((
            one_time_codes::id.eq(&id),
            one_time_codes::account_id.eq(account_id),
            one_time_codes::purpose.eq(purpose.as_str()),
            one_time_codes::email.eq(email),
            one_time_codes::code_hash.eq(hash(key, &id, &code)),
            one_time_codes::attempts.eq(0),
            one_time_codes::created_at.eq(now),
            one_time_codes::expires_at.eq(now + purpose.lifetime()),
            one_time_codes::registration.eq(registration),
        ))
        .execute(conn)?;
    Ok(code)
}

/// When the newest code of this purpose was made, for the resend cooldown.
pub fn last_issued(
    conn: &mut DbConnection,
    account_id: &str,
    purpose: Purpose,
) -> QueryResult<Option<NaiveDateTime>> {
    one_time_codes::table
        .filter(one_time_codes::account_id.eq(account_id))
        .filter(one_time_codes::purpose.eq(purpose.as_str()))
        .select(diesel::dsl::max(one_time_codes::created_at))
        .first(conn)
}

/// Why a code was not accepted, told to the user in these words.
pub fn wrong_code() -> ApiError {
    ApiError::field("code", says("code-not-correct"))
}

/// What a code that matched was for.
#[derive(Debug, Clone)]
pub struct Redeemed {
    /// The address the code was sent to: for a change of email, the new one.
    pub email: String,
    /// For a registration, the name and password hash it asked for (JSON, see
    /// `accounts::registration`).
    pub registration: Option<String>,
}

/// How many registrations of one address may wait side by side for their codes.
const LIVE_REGISTRATIONS: i64 = 3;

/// Checks `code` against the account's live codes of this purpose (one, except registrations,
/// which each keep theirs) and, when one matches, uses up every live code of the purpose. A
/// wrong guess counts against each of them; after five a code stops working.
///
/// The outer `Result` is the database's; the inner one the verdict. A refused code is still a
/// change to commit (its count of tries), so callers commit before returning the refusal.
pub fn consume(
    conn: &mut DbConnection,
    key: &[u8],
    account_id: &str,
    purpose: Purpose,
    code: &str,
    now: NaiveDateTime,
) -> QueryResult<Result<Redeemed, ApiError>> {
    type Row = (String, String, i32, NaiveDateTime, String, Option<String>);
    let live: Vec<Row> = one_time_codes::table
        .filter(one_time_codes::account_id.eq(account_id))
        .filter(one_time_codes::purpose.eq(purpose.as_str()))
        .filter(one_time_codes::consumed_at.is_null())
        .order(one_time_codes::created_at.desc())
        .limit(LIVE_REGISTRATIONS)
        .select((
            one_time_codes::id,
            one_time_codes::code_hash,
            one_time_codes::attempts,
            one_time_codes::expires_at,
            one_time_codes::email,
            one_time_codes::registration,
        ))
        .load(conn)?;
    let Some(newest) = live.first() else {
        return Ok(Err(wrong_code()));
    };
    let newest_expired = newest.3 <= now;
    let usable: Vec<&Row> = live
        .iter()
        .filter(|(_, _, attempts, expires_at, _, _)| *expires_at > now && *attempts < MAX_ATTEMPTS)
        .collect();
    if usable.is_empty() {
        return Ok(Err(ApiError::field(
            "code",
            says(if newest_expired {
                "code-expired"
            } else {
                "code-tried-too-often"
            }),
        )));
    }
    // Every candidate is hashed, matched or not, so the time taken says nothing.
    let matched = usable
        .iter()
        .filter(|(id, stored, ..)| constant_time_eq(&hash(key, id, code), stored))
        .collect::<Vec<_>>();
    let Some((_, _, _, _, sent_to, registration)) = matched.first().map(|row| (**row).clone())
    else {
        let ids: Vec<&String> = usable.iter().map(|(id, ..)| id).collect();
        diesel::update(one_time_codes::table.filter(one_time_codes::id.eq_any(ids)))
            .set(one_time_codes::attempts.eq(one_time_codes::attempts + 1))
            .execute(conn)?;
        return Ok(Err(wrong_code()));
    };
    end_live(conn, account_id, purpose, now)?;
    Ok(Ok(Redeemed {
        email: sent_to,
        registration,
    }))
}

/// Forgets the codes that can no longer be used (hourly, by `crate::purge`).
pub fn purge_expired(conn: &mut DbConnection, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(one_time_codes::table.filter(one_time_codes::expires_at.lt(now))).execute(conn)
}
