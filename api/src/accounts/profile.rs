use chrono::NaiveDateTime;
use diesel::prelude::*;
use minijinja::context;
use shared::api::{AccountView, ChangeNameRequest, ChangePasswordRequest};
use shared::language::Language;

use super::sessions;
use super::{Account, count_failure, now};
use crate::auth::throttle;
use crate::auth::{CurrentUser, live};
use crate::db::DbConnection;
use crate::db::schema::accounts;
use crate::email::{self, Template};
use crate::error::ApiError;
use crate::request_language::says;
use crate::state::AppState;

async fn load(state: &AppState, user: &CurrentUser) -> Result<Account, ApiError> {
    let id = user.account_id.clone();
    state
        .database
        .run(move |conn| Ok::<_, ApiError>(Account::by_id(conn, &id)?))
        .await?
        .filter(Account::is_active)
        .ok_or(ApiError::Unauthorized)
}

/// Changes the name the council sees on everything the account sends.
pub async fn change_name(
    state: &AppState,
    user: &CurrentUser,
    request: ChangeNameRequest,
) -> Result<AccountView, ApiError> {
    let errors = request.validate_in(crate::request_language::current());
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let account = update(state, user, move |conn, id, now| {
        diesel::update(accounts::table.find(id))
            .set((
                accounts::forename.eq(request.forename.trim()),
                accounts::surname.eq(request.surname.trim()),
                accounts::updated_at.eq(now),
            ))
            .execute(conn)
    })
    .await?
    .ok_or(ApiError::Unauthorized)?;
    Ok(account.view())
}

/// Keeps the language the account holder chose: pages open in it, and emails come in it.
pub async fn choose_language(
    state: &AppState,
    user: &CurrentUser,
    language: Language,
) -> Result<AccountView, ApiError> {
    let account = update(state, user, move |conn, id, now| {
        diesel::update(accounts::table.find(id))
            .set((
                accounts::language.eq(language.code()),
                accounts::updated_at.eq(now),
            ))
            .execute(conn)
    })
    .await?
    .filter(Account::is_active)
    .ok_or(ApiError::Unauthorized)?;
    Ok(account.view())
}

/// Makes `change` to the signed-in account's row (given its id and the time to stamp), then
/// reads the account back, in one write transaction.
async fn update(
    state: &AppState,
    user: &CurrentUser,
    change: impl FnOnce(&mut DbConnection, &str, NaiveDateTime) -> QueryResult<usize> + Send + 'static,
) -> Result<Option<Account>, ApiError> {
    let id = user.account_id.clone();
    state
        .database
        .write(move |conn| {
            change(conn, &id, now())?;
            Ok::<_, ApiError>(Account::by_id(conn, &id)?)
        })
        .await
}

/// Changes the password after checking the current one; every other session ends, and the
/// owner is told by email.
pub async fn change_password(
    state: &AppState,
    user: &CurrentUser,
    request: ChangePasswordRequest,
) -> Result<(), ApiError> {
    let account = load(state, user).await?;
    let mut errors = request.validate_in(&account.email, crate::request_language::current());
    crate::passwords::refuse_guessable(
        &mut errors,
        &request.password,
        &[&account.email, &account.forename, &account.surname],
    );
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let email_key = throttle::email_key(&account.email);
    {
        let key = email_key.clone();
        state
            .database
            .run(move |conn| throttle::ensure_unlocked(conn, &key, now()))
            .await?;
    }
    let matches = state
        .passwords
        .verify(
            request.current_password,
            Some(account.password_hash.clone()),
        )
        .await?;
    if !matches {
        let auth = state.auth.clone();
        let key = email_key.clone();
        let refusal = ApiError::field("current_password", says("current-password-not-correct"));
        return Err(state
            .database
            .run(move |conn| count_failure(conn, &auth, &key, refusal, now()))
            .await?);
    }
    let password_hash = state.passwords.hash(request.password).await?;
    let council = state.council.view().clone();
    let session_id = user.session_id.clone();
    state
        .write(move |conn| {
            let now = now();
            diesel::update(accounts::table.find(&account.id))
                .set((
                    accounts::password_hash.eq(&password_hash),
                    accounts::updated_at.eq(now),
                ))
                .execute(conn)?;
            // Sessions elsewhere may be someone who knew the old password.
            sessions::revoke_others(conn, &account.id, &session_id, now)?;
            throttle::clear(conn, &email_key)?;
            let message = email::templates::render(
                Template::PasswordChanged,
                &account.email,
                account.language,
                &council,
                context! {
                    forename => account.forename,
                    when => crate::i18n::uk_time(account.language, now),
                },
            )?;
            email::enqueue(conn, &message, now)?;
            Ok::<_, ApiError>(())
        })
        .await?;
    // The account's other sessions have ended: this node asks again about any it remembered.
    live::remembered::revoked();
    Ok(())
}
