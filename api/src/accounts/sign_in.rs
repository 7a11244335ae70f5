use diesel::prelude::*;
use minijinja::context;
use shared::api::{CodeSent, SignInRequest};
use shared::rules::{normalise_code, normalise_email};

use super::codes::{self, Purpose};
use super::registration::{code_sent, spaced};
use super::{Account, count_failure, now, redeem_code, session};
use crate::auth::{bot_check, throttle};
use crate::db::schema::accounts;
use crate::email::{self, Template};
use crate::error::ApiError;
use crate::metrics::SignIn;
use crate::state::AppState;

/// Sign-in step 1: email and password. When they match, a code is emailed; when they do not,
/// the answer never says which was wrong, and repeated failures from the client's address lock
/// that address out of this email address for a while, longer each time. Someone guessing from
/// elsewhere locks only themselves out; the emailed code is the second factor, so a guessed
/// password alone opens nothing.
pub async fn start(
    state: &AppState,
    request: SignInRequest,
    client_address: &str,
) -> Result<CodeSent, ApiError> {
    let errors = request.validate_in(crate::request_language::current());
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let email = normalise_email(&request.email);
    let bot_key = state.keys.bot_check.clone();
    let lookup_email = email.clone();
    let lock_key = throttle::sign_in_key(&email, client_address);
    let lookup_lock = lock_key.clone();
    let account = state
        .database
        .write(move |conn| {
            let now = now();
            throttle::ensure_unlocked(conn, &lookup_lock, now)?;
            bot_check::spend(conn, &bot_key, &request.bot_check, now)?;
            Ok::<_, ApiError>(Account::by_email(conn, &lookup_email)?.filter(Account::is_active))
        })
        .await
        .inspect_err(|refused| {
            if matches!(refused, ApiError::TooManyAttempts { .. }) {
                state.metrics.sign_in(SignIn::LockedOut);
            }
        })?;
    let matches = state
        .passwords
        .verify(
            request.password,
            account.as_ref().map(|a| a.password_hash.clone()),
        )
        .await?;
    let key = state.keys.codes.clone();
    let auth = state.auth.clone();
    let council = state.council.view().clone();
    let to = email.clone();
    let outcome = state
        .write(move |conn| {
            let now = now();
            match account.filter(|_| matches) {
                Some(account) => {
                    throttle::clear(conn, &lock_key)?;
                    let code = codes::issue(conn, &key, &account.id, &to, Purpose::SignIn, now)?;
                    let message = email::templates::render(
                        Template::SignInCode,
                        &to,
                        account.language,
                        &council,
                        context! { forename => account.forename, code => spaced(&code) },
                    )?;
                    email::enqueue(conn, &message, now)?;
                    Ok::<_, ApiError>(Ok(()))
                }
                None => Ok(Err(count_failure(
                    conn,
                    &auth,
                    &lock_key,
                    ApiError::InvalidCredentials,
                    now,
                )?)),
            }
        })
        .await?;
    state.metrics.sign_in(match &outcome {
        Ok(()) => SignIn::CodeSent,
        Err(ApiError::TooManyAttempts { .. }) => SignIn::LockedOut,
        Err(_) => SignIn::Refused,
    });
    outcome?;
    Ok(code_sent(email, Purpose::SignIn))
}

/// Sign-in step 2: the emailed code starts the session.
pub async fn finish(
    state: &AppState,
    email: &str,
    code: &str,
) -> Result<session::Started, ApiError> {
    let email = normalise_email(email);
    let code = normalise_code(code).ok_or_else(codes::wrong_code)?;
    let key = state.keys.codes.clone();
    let refresh_key = state.keys.refresh_tokens.clone();
    state
        .database
        .write(move |conn| {
            let now = now();
            let account = Account::by_email(conn, &email)?.filter(Account::is_active);
            redeem_code(
                conn,
                &key,
                account,
                Purpose::SignIn,
                &code,
                now,
                |conn, account, _| {
                    // The code proves the address, as registration's code would have.
                    if account.email_verified_at.is_none() {
                        diesel::update(accounts::table.find(&account.id))
                            .set(accounts::email_verified_at.eq(Some(now)))
                            .execute(conn)?;
                    }
                    Ok(session::start(conn, &refresh_key, &account, now)?)
                },
            )
        })
        .await?
}
