use diesel::prelude::*;
use minijinja::context;
use shared::api::{CodeSent, RegistrationRequest};
use shared::rules::{normalise_code, normalise_email};
use uuid::Uuid;

use super::codes::{self, Purpose, RESEND_AFTER_SECONDS};
use super::{Account, now, redeem_code, session};
use crate::auth::bot_check;
use crate::db::schema::accounts;
use crate::email::{self, Template};
use crate::error::ApiError;
use crate::state::AppState;

/// Registration step 2: make an unverified account (or, for an address registered but not yet
/// proved, a registration beside the first) and email its code. An address that already has an
/// account gets an email saying so instead; the answer is the same.
pub async fn register(
    state: &AppState,
    request: RegistrationRequest,
) -> Result<CodeSent, ApiError> {
    let mut errors = request.validate_in(crate::request_language::current());
    crate::passwords::refuse_guessable(
        &mut errors,
        &request.password,
        &[&request.email, &request.forename, &request.surname],
    );
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let email = normalise_email(&request.email);
    // Hashed whether or not the account exists, so both answers take as long.
    let password_hash = state.passwords.hash(request.password.clone()).await?;
    let key = state.keys.codes.clone();
    let bot_key = state.keys.bot_check.clone();
    let council = state.council.view().clone();
    let to = email.clone();
    state
        .write(move |conn| {
                let now = now();
                bot_check::spend(conn, &bot_key, &request.bot_check, now)?;
                let forename = request.forename.trim();
                let surname = request.surname.trim();
                let message = match Account::by_email(conn, &to)? {
                    Some(existing) if existing.email_verified_at.is_some() => {
                        email::templates::render(
                            Template::AccountExists,
                            &to,
                            existing.language,
                            &council,
                            context! { forename => existing.forename },
                        )?
                    }
                    existing => {
                        let asked = Asked {
                            forename: forename.to_owned(),
                            surname: surname.to_owned(),
                            password_hash: password_hash.clone(),
                        };
                        // An address someone registered but never proved keeps that first
                        // registration untouched: this one waits beside it with its own code,
                        // and the owner of the mailbox decides which code to enter.
                        let id = match existing {
                            Some(unverified) => unverified.id,
                            None => {
                                let id = Uuid::now_v7().to_string();
                                diesel::insert_into(accounts::table)
                                    .values((
                                        accounts::id.eq(&id),
                                        accounts::email.eq(&to),
                                        accounts::forename.eq(forename),
                                        accounts::surname.eq(surname),
                                        accounts::password_hash.eq(&password_hash),
                                        accounts::role.eq("public"),
                                        accounts::language.eq(request.language.code()),
                                        accounts::failed_attempts.eq(0),
                                        accounts::created_at.eq(now),
                                        accounts::updated_at.eq(now),
                                    ))
                                    .execute(conn)?;
                                id
                            }
                        };
                        let code = codes::issue_for_registration(
                            conn,
                            &key,
                            &id,
                            &to,
                            &asked.to_json()?,
                            now,
                        )?;
                        email::templates::render(
                            Template::VerificationCode,
                            &to,
                            request.language,
                            &council,
                            context! { forename => forename, surname => surname, code => spaced(&code) },
                        )?
                    }
                };
                email::enqueue(conn, &message, now)?;
                Ok::<_, ApiError>(())
            })
        .await?;
    Ok(code_sent(email, Purpose::VerifyEmail))
}

/// "Send a new code": a fresh code for an unverified account, at most once a minute. The answer
/// is the same for every address.
pub async fn resend(state: &AppState, email: &str) -> Result<CodeSent, ApiError> {
    let email = normalise_email(email);
    let key = state.keys.codes.clone();
    let council = state.council.view().clone();
    let to = email.clone();
    state
        .write(move |conn| {
                let now = now();
                let Some(account) = Account::by_email(conn, &to)? else {
                    return Ok(());
                };
                if account.email_verified_at.is_some() {
                    return Ok(());
                }
                let last = codes::last_issued(conn, &account.id, Purpose::VerifyEmail)?;
                if last.is_some_and(|at| at + chrono::Duration::seconds(RESEND_AFTER_SECONDS) > now)
                {
                    return Ok(());
                }
                // A new code for the newest registration still waiting (the earlier codes stop
                // working), or for the account as it stands.
                let asked = match codes::newest_registration(conn, &account.id, now)? {
                    Some(json) => Asked::from_json(&json)?,
                    None => Asked {
                        forename: account.forename.clone(),
                        surname: account.surname.clone(),
                        password_hash: account.password_hash.clone(),
                    },
                };
                codes::end_live(conn, &account.id, Purpose::VerifyEmail, now)?;
                let code =
                    codes::issue_for_registration(conn, &key, &account.id, &to, &asked.to_json()?, now)?;
                let message = email::templates::render(
                    Template::VerificationCode,
                    &to,
                    account.language,
                    &council,
                    context! { forename => asked.forename, surname => asked.surname, code => spaced(&code) },
                )?;
                email::enqueue(conn, &message, now)?;
                Ok::<_, ApiError>(())
            })
        .await?;
    Ok(code_sent(email, Purpose::VerifyEmail))
}

/// Registration step 3: the emailed code proves the address; the new account is signed in.
pub async fn verify(
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
            let account = Account::by_email(conn, &email)?
                .filter(|a| a.email_verified_at.is_none() && a.is_active());
            redeem_code(
                conn,
                &key,
                account,
                Purpose::VerifyEmail,
                &code,
                now,
                |conn, account, redeemed| {
                    // The registration whose code came back is the one the owner made.
                    if let Some(json) = redeemed.registration {
                        let asked = Asked::from_json(&json)?;
                        diesel::update(accounts::table.find(&account.id))
                            .set((
                                accounts::forename.eq(&asked.forename),
                                accounts::surname.eq(&asked.surname),
                                accounts::password_hash.eq(&asked.password_hash),
                            ))
                            .execute(conn)?;
                    }
                    diesel::update(accounts::table.find(&account.id))
                        .set(accounts::email_verified_at.eq(Some(now)))
                        .execute(conn)?;
                    let account = Account::by_id(conn, &account.id)?.ok_or(ApiError::NotFound)?;
                    Ok(session::start(conn, &refresh_key, &account, now)?)
                },
            )
        })
        .await?
}

/// What one registration asked for, kept with its code until the code comes back.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
struct Asked {
    forename: String,
    surname: String,
    password_hash: String,
}

impl Asked {
    fn to_json(&self) -> Result<String, ApiError> {
        serde_json::to_string(self).map_err(|e| ApiError::Internal(e.into()))
    }

    fn from_json(json: &str) -> Result<Self, ApiError> {
        serde_json::from_str(json).map_err(|e| ApiError::Internal(e.into()))
    }
}

/// A code as the emails show it: two groups of three digits.
pub fn spaced(code: &str) -> String {
    format!("{} {}", &code[..3], &code[3..])
}

pub fn code_sent(email: String, purpose: Purpose) -> CodeSent {
    CodeSent {
        email,
        expires_in_seconds: purpose.lifetime().num_seconds(),
        resend_after_seconds: RESEND_AFTER_SECONDS,
    }
}
