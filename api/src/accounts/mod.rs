//! Accounts: registration, sign-in with an emailed code, password reset, sessions.
//!
//! Handlers parse and validate; these functions hold the rules. Each change and the email it
//! causes are written in one transaction.

pub mod email_change;
pub mod password_reset;
pub mod profile;
pub mod registration;
pub mod session;
pub mod sign_in;
pub mod staff;

use actix_web::HttpRequest;
use chrono::{Duration, NaiveDateTime, Utc};
use diesel::prelude::*;
use shared::api::{AccountView, Role};

use crate::auth::throttle;
use crate::db::DbConnection;
use crate::db::schema::accounts;
use crate::error::ApiError;
use crate::state::AppState;

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
        }
    }
}

pub fn now() -> NaiveDateTime {
    Utc::now().naive_utc()
}

/// The client's address for rate limiting: the peer, or behind our load balancers the address
/// they were reached from (`server.trusted_proxies`).
pub fn client_address(state: &AppState, req: &HttpRequest) -> String {
    state
        .proxies
        .client(req)
        .map_or_else(|| "unknown".to_owned(), |address| address.to_string())
}

/// The routes that check a secret or send an email, each with an allowance of its own per
/// client address, so that spending one (say, asking for codes again and again) never locks
/// anyone out of another (signing in).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limited {
    Registration,
    RegistrationCode,
    ResendCode,
    SignIn,
    SignInCode,
    PasswordReset,
    PasswordResetCode,
    ClientToken,
}

impl Limited {
    fn name(self) -> &'static str {
        match self {
            Self::Registration => "registration",
            Self::RegistrationCode => "registration-code",
            Self::ResendCode => "resend-code",
            Self::SignIn => "sign-in",
            Self::SignInCode => "sign-in-code",
            Self::PasswordReset => "password-reset",
            Self::PasswordResetCode => "password-reset-code",
            Self::ClientToken => "client-token",
        }
    }

    /// Requests an hour from one client address. Sending a code again is rarer than any
    /// honest use needs more often than once a minute; the rest share the configured figure.
    fn per_hour(self, auth: &crate::configuration::AuthSettings) -> i32 {
        match self {
            Self::ResendCode => (auth.attempts_per_address_per_hour / 10).max(1),
            _ => auth.attempts_per_address_per_hour,
        }
    }
}

/// Counts a request to `route` from `address` against its hourly allowance (committed at once,
/// whatever happens to the request) and refuses it, with when to try again, when the
/// allowance is used up.
pub async fn limit_address(
    state: &AppState,
    route: Limited,
    address: String,
) -> Result<(), ApiError> {
    let limit = route.per_hour(&state.auth);
    state
        .database
        .run(move |conn| {
            let key = throttle::address_key(&format!("{}:{address}", route.name()));
            let now = now();
            throttle::ensure_unlocked(conn, &key, now)?;
            throttle::count(
                conn,
                &key,
                limit,
                Duration::hours(1),
                throttle::Lock::For(Duration::hours(1)),
                now,
            )?;
            Ok(())
        })
        .await
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
    purpose: crate::auth::codes::Purpose,
    code: &str,
    now: NaiveDateTime,
    then: impl FnOnce(&mut DbConnection, Account, crate::auth::codes::Redeemed) -> Result<T, ApiError>,
) -> Result<Result<T, ApiError>, ApiError> {
    use crate::auth::codes;
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
