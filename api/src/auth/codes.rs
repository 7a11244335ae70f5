//! Six-digit codes sent by email: stored only as keyed hashes, single use, a few tries each.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use rand::Rng;
use uuid::Uuid;

use super::keys::{constant_time_eq, keyed_hash};
use crate::db::DbConnection;
use crate::db::schema::one_time_codes;
use crate::error::ApiError;

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
    let code = format!("{:06}", rand::rngs::OsRng.gen_range(0..1_000_000));
    let id = Uuid::now_v7().to_string();
    diesel::update(
        one_time_codes::table
            .filter(one_time_codes::account_id.eq(account_id))
            .filter(one_time_codes::purpose.eq(purpose.as_str()))
            .filter(one_time_codes::consumed_at.is_null()),
    )
    .set(one_time_codes::consumed_at.eq(Some(now)))
    .execute(conn)?;
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
    ApiError::field(
        "code",
        "The code is not correct. Check the email and try again",
    )
}

/// Checks `code` against the account's live code of this purpose and uses it up when it
/// matches. A wrong guess counts against the code; after five it stops working.
///
/// On success, the address the code was sent to.
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
) -> QueryResult<Result<String, ApiError>> {
    let live: Option<(String, String, i32, NaiveDateTime, String)> = one_time_codes::table
        .filter(one_time_codes::account_id.eq(account_id))
        .filter(one_time_codes::purpose.eq(purpose.as_str()))
        .filter(one_time_codes::consumed_at.is_null())
        .order(one_time_codes::created_at.desc())
        .select((
            one_time_codes::id,
            one_time_codes::code_hash,
            one_time_codes::attempts,
            one_time_codes::expires_at,
            one_time_codes::email,
        ))
        .first(conn)
        .optional()?;
    let Some((id, stored, attempts, expires_at, sent_to)) = live else {
        return Ok(Err(wrong_code()));
    };
    if expires_at <= now {
        return Ok(Err(ApiError::field(
            "code",
            "The code has expired. Select 'send a new code' to get another",
        )));
    }
    if attempts >= MAX_ATTEMPTS {
        return Ok(Err(ApiError::field(
            "code",
            "You have entered a wrong code too many times. Select 'send a new code' to get another",
        )));
    }
    if !constant_time_eq(&hash(key, &id, code), &stored) {
        diesel::update(one_time_codes::table.find(&id))
            .set(one_time_codes::attempts.eq(attempts + 1))
            .execute(conn)?;
        return Ok(Err(wrong_code()));
    }
    diesel::update(one_time_codes::table.find(&id))
        .set(one_time_codes::consumed_at.eq(Some(now)))
        .execute(conn)?;
    Ok(Ok(sent_to))
}
