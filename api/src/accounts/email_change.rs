use diesel::prelude::*;
use minijinja::context;
use shared::api::{AccountView, ChangeEmailRequest, CodeSent, ConfirmEmailChangeRequest};
use shared::rules::{normalise_code, normalise_email};

use super::codes::{self, Purpose};
use super::registration::{code_sent, spaced};
use super::{Account, count_failure, now, redeem_code};
use crate::auth::{CurrentUser, throttle};
use crate::db::schema::accounts;
use crate::email::{self, Template};
use crate::error::ApiError;
use crate::request_language::{current as current_language, says};
use crate::state::AppState;

fn current(conn: &mut crate::db::DbConnection, user: &CurrentUser) -> Result<Account, ApiError> {
    Account::by_id(conn, &user.account_id)?
        .filter(Account::is_active)
        .ok_or(ApiError::Unauthorized)
}

/// Sends a code to the new address, after checking the password. An address that already has
/// an account gets nothing, and the answer is the same.
pub async fn request(
    state: &AppState,
    user: &CurrentUser,
    request: ChangeEmailRequest,
) -> Result<CodeSent, ApiError> {
    let errors = request.validate_in(current_language());
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let new_email = normalise_email(&request.email);
    let lookup = user.clone();
    let account = state
        .database
        .run(move |conn| {
            let account = current(conn, &lookup)?;
            throttle::ensure_unlocked(conn, &throttle::email_key(&account.email), now())?;
            Ok::<_, ApiError>(account)
        })
        .await?;
    let matches = state
        .passwords
        .verify(request.password, Some(account.password_hash.clone()))
        .await?;
    let key = state.keys.codes.clone();
    let auth = state.auth.clone();
    let council = state.council.view().clone();
    let to = new_email.clone();
    state
        .write(move |conn| {
            let now = now();
            if !matches {
                let refusal = ApiError::field("password", says("password-not-correct"));
                return Ok::<_, ApiError>(Err(count_failure(
                    conn,
                    &auth,
                    &throttle::email_key(&account.email),
                    refusal,
                    now,
                )?));
            }
            if Account::by_email(conn, &to)?.is_none() {
                let code = codes::issue(conn, &key, &account.id, &to, Purpose::ChangeEmail, now)?;
                let message = email::templates::render(
                    Template::EmailChangeCode,
                    &to,
                    account.language,
                    &council,
                    context! { forename => account.forename, code => spaced(&code) },
                )?;
                email::enqueue(conn, &message, now)?;
            }
            Ok(Ok(()))
        })
        .await??;
    Ok(code_sent(new_email, Purpose::ChangeEmail))
}

/// The code from the new address moves the account there; the old address is told.
pub async fn confirm(
    state: &AppState,
    user: &CurrentUser,
    request: ConfirmEmailChangeRequest,
) -> Result<AccountView, ApiError> {
    let errors = request.validate_in(current_language());
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let code = normalise_code(&request.code).ok_or_else(codes::wrong_code)?;
    let key = state.keys.codes.clone();
    let council = state.council.view().clone();
    let user = user.clone();
    let account = state
        .write(move |conn| {
            let now = now();
            let account = current(conn, &user)?;
            redeem_code(
                conn,
                &key,
                Some(account),
                Purpose::ChangeEmail,
                &code,
                now,
                |conn, account, redeemed| {
                    let new_email = redeemed.email;
                    if Account::by_email(conn, &new_email)?.is_some() {
                        return Err(ApiError::field("code", says("email-now-in-use")));
                    }
                    diesel::update(accounts::table.find(&account.id))
                        .set((accounts::email.eq(&new_email), accounts::updated_at.eq(now)))
                        .execute(conn)?;
                    let notice = email::templates::render(
                        Template::EmailChanged,
                        &account.email,
                        account.language,
                        &council,
                        context! {
                            forename => &account.forename,
                            new_email => &new_email,
                            when => crate::i18n::uk_time(account.language, now),
                        },
                    )?;
                    email::enqueue(conn, &notice, now)?;
                    Account::by_id(conn, &account.id)?.ok_or(ApiError::Unauthorized)
                },
            )
        })
        .await??;
    Ok(account.view())
}
