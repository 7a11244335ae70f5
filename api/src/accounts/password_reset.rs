use chrono::Duration;
use diesel::prelude::*;
use minijinja::context;
use shared::api::{CodeSent, PasswordResetCompletion, PasswordResetRequest, validate_email_in};
use shared::rules::{normalise_code, normalise_email};

use super::codes::{self, Purpose, RESEND_AFTER_SECONDS};
use super::registration::{code_sent, spaced};
use super::sessions;
use super::{Account, now, redeem_code};
use crate::auth::{bot_check, live, throttle};
use crate::db::schema::accounts;
use crate::email::{self, Template};
use crate::error::ApiError;
use crate::state::AppState;

/// "Forgotten password?": emails a code when the address has an account. The answer is the
/// same either way.
pub async fn request(
    state: &AppState,
    request: PasswordResetRequest,
) -> Result<CodeSent, ApiError> {
    let errors = validate_email_in(&request.email, crate::request_language::current());
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let email = normalise_email(&request.email);
    let key = state.keys.codes.clone();
    let bot_key = state.keys.bot_check.clone();
    let council = state.council.view().clone();
    let to = email.clone();
    state
        .write(move |conn| {
            let now = now();
            bot_check::spend(conn, &bot_key, &request.bot_check, now)?;
            let account = Account::by_email(conn, &to)?.filter(Account::is_active);
            if let Some(account) = account {
                // One email a minute at most, whoever asks: a mailbox is not flooded, and
                // the answer stays the same so it still says nothing about the address.
                let last = codes::last_issued(conn, &account.id, Purpose::ResetPassword)?;
                if last.is_some_and(|at| at + Duration::seconds(RESEND_AFTER_SECONDS) > now) {
                    return Ok(());
                }
                let code = codes::issue(conn, &key, &account.id, &to, Purpose::ResetPassword, now)?;
                let message = email::templates::render(
                    Template::PasswordReset,
                    &to,
                    account.language,
                    &council,
                    context! { forename => account.forename, code => spaced(&code) },
                )?;
                email::enqueue(conn, &message, now)?;
            }
            Ok::<_, ApiError>(())
        })
        .await?;
    Ok(code_sent(email, Purpose::ResetPassword))
}

/// The code and a new password: the password changes, every session of the account ends, and
/// an email says so.
pub async fn complete(
    state: &AppState,
    completion: PasswordResetCompletion,
    client_address: &str,
) -> Result<(), ApiError> {
    let mut errors = completion.validate_in(crate::request_language::current());
    crate::passwords::refuse_guessable(&mut errors, &completion.password, &[&completion.email]);
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let email = normalise_email(&completion.email);
    let code = normalise_code(&completion.code).ok_or_else(codes::wrong_code)?;
    let password_hash = state.passwords.hash(completion.password).await?;
    let key = state.keys.codes.clone();
    let council = state.council.view().clone();
    let lock_key = throttle::sign_in_key(&email, client_address);
    state
        .write(move |conn| {
            let now = now();
            let account = Account::by_email(conn, &email)?.filter(Account::is_active);
            redeem_code(
                conn,
                &key,
                account,
                Purpose::ResetPassword,
                &code,
                now,
                |conn, account, _| {
                    diesel::update(accounts::table.find(&account.id))
                        .set((
                            accounts::password_hash.eq(&password_hash),
                            accounts::email_verified_at
                                .eq(Some(account.email_verified_at.unwrap_or(now))),
                            accounts::updated_at.eq(now),
                        ))
                        .execute(conn)?;
                    sessions::revoke_all(conn, &account.id, now)?;
                    // Whoever proved the mailbox may sign in from here at once.
                    throttle::clear(conn, &lock_key)?;
                    let message = email::templates::render(
                        Template::PasswordChanged,
                        &email,
                        account.language,
                        &council,
                        context! {
                            forename => account.forename,
                            when => crate::i18n::uk_time(account.language, now),
                        },
                    )?;
                    email::enqueue(conn, &message, now)?;
                    Ok(())
                },
            )
        })
        .await??;
    // Every session of the account has ended: this node asks again about any it remembered.
    live::remembered::revoked();
    Ok(())
}
