use diesel::prelude::*;
use minijinja::context;
use shared::api::{AccountView, CreateStaffRequest};
use shared::rules::normalise_email;
use uuid::Uuid;

use super::{Account, now};
use crate::audit::{self, Action, Event, Subject};
use crate::auth::CurrentUser;
use crate::db::DbConnection;
use crate::db::schema::accounts;
use crate::email::{self, Template};
use crate::error::ApiError;
use crate::passwords;
use crate::state::AppState;

/// A password nobody knows: staff accounts start with one and set their own through the
/// password reset, which also proves they hold the address.
fn unusable_password_hash() -> anyhow::Result<String> {
    passwords::hash(&format!("{}-{}-Aa1!", Uuid::new_v4(), Uuid::new_v4()))
}

/// Inserts a verified staff or administrator account; refuses an address already in use.
pub fn insert(
    conn: &mut DbConnection,
    request: &CreateStaffRequest,
    password_hash: &str,
) -> Result<Account, ApiError> {
    let email = normalise_email(&request.email);
    match Account::by_email(conn, &email)? {
        Some(existing) if existing.email_verified_at.is_some() => {
            return Err(ApiError::field(
                "email",
                "An account with this email address already exists",
            ));
        }
        // A registration nobody proved (perhaps made to squat the address) gives way to the
        // council's account; its codes go with it.
        Some(unproved) => {
            diesel::delete(accounts::table.find(&unproved.id)).execute(conn)?;
        }
        None => {}
    }
    let now = now();
    let id = Uuid::now_v7().to_string();
    diesel::insert_into(accounts::table)
        .values((
            accounts::id.eq(&id),
            accounts::email.eq(&email),
            accounts::forename.eq(request.forename.trim()),
            accounts::surname.eq(request.surname.trim()),
            accounts::password_hash.eq(password_hash),
            accounts::role.eq(request.role.as_str()),
            accounts::email_verified_at.eq(Some(now)),
            accounts::failed_attempts.eq(0),
            accounts::created_at.eq(now),
            accounts::updated_at.eq(now),
        ))
        .execute(conn)?;
    Account::by_id(conn, &id)?.ok_or(ApiError::NotFound)
}

/// An administrator adds a member of staff, who is emailed how to set a password.
pub async fn create(
    state: &AppState,
    admin: &CurrentUser,
    request: CreateStaffRequest,
) -> Result<AccountView, ApiError> {
    let errors = request.validate();
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let password_hash = tokio::task::spawn_blocking(unusable_password_hash)
        .await
        .map_err(|e| ApiError::Internal(e.into()))??;
    let council = state.council.view().clone();
    let admin = admin.clone();
    let account = state
        .write(move |conn| {
            let account = insert(conn, &request, &password_hash)?;
            audit::record(
                conn,
                &admin,
                Event::new(Action::Create, Subject::Account, &account.id, None),
            )?;
            let message = email::templates::render(
                Template::StaffInvitation,
                &account.email,
                &council,
                context! { forename => &account.forename, role => request.role.as_str() },
            )?;
            email::enqueue(conn, &message, now())?;
            Ok::<_, ApiError>(account)
        })
        .await?;
    Ok(account.view())
}
