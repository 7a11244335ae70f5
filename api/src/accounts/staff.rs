//! Staff accounts: made by administrators, listed for colleagues with the teams each works in
//! (for assigning referrals), put in teams, and switched off when someone leaves.

use diesel::prelude::*;
use minijinja::context;
use shared::api::{
    AccountId, AccountView, CreateStaffRequest, Role, SetTeamsRequest, StaffMember, full_name,
};
use shared::rules::normalise_email;
use uuid::Uuid;

use super::{Account, now};
use crate::audit::{self, Action, Event, Subject};
use crate::auth::{Administrator, CurrentUser, Staff, live};
use crate::calendar::timestamp;
use crate::db::DbConnection;
use crate::db::schema::accounts;
use crate::email::{self, Template};
use crate::error::ApiError;
use crate::passwords;
use crate::request_language::says;
use crate::state::AppState;
use crate::teams;

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
            return Err(ApiError::field("email", says("staff-email-in-use")));
        }
        // A registration nobody proved (perhaps made to squat the address) gives way to the
        // council's account; its codes go with it.
        Some(unproved) => {
            diesel::delete(accounts::table.find(&unproved.id)).execute(conn)?;
        }
        None => {}
    }
    let id = super::insert_verified(
        conn,
        super::Verified {
            email: &email,
            forename: request.forename.trim(),
            surname: request.surname.trim(),
            role: request.role,
            password_hash,
        },
        now(),
    )?;
    Account::by_id(conn, &id)?.ok_or(ApiError::NotFound)
}

/// An administrator adds a member of staff, who is emailed how to set a password.
pub async fn create(
    state: &AppState,
    admin: &CurrentUser,
    request: CreateStaffRequest,
) -> Result<AccountView, ApiError> {
    let errors = request.validate_in(crate::request_language::current());
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
                account.language,
                &council,
                context! { forename => &account.forename, role => request.role.as_str() },
            )?;
            email::enqueue(conn, &message, now())?;
            Ok::<_, ApiError>(account)
        })
        .await?;
    Ok(account.view())
}

type Row = (
    String,
    String,
    String,
    String,
    String,
    Option<chrono::NaiveDateTime>,
);

fn members(conn: &mut DbConnection, only: Option<&str>) -> QueryResult<Vec<StaffMember>> {
    let mut select = accounts::table
        .filter(accounts::role.eq_any([Role::Staff.as_str(), Role::Administrator.as_str()]))
        .order((accounts::surname, accounts::forename, accounts::id))
        .select((
            accounts::id,
            accounts::forename,
            accounts::surname,
            accounts::email,
            accounts::role,
            accounts::disabled_at,
        ))
        .into_boxed();
    if let Some(id) = only {
        select = select.filter(accounts::id.eq(id.to_owned()));
    }
    let rows: Vec<Row> = select.load(conn)?;
    let mut memberships = teams::of_members(conn, rows.iter().map(|r| r.0.as_str()))?;
    Ok(rows
        .into_iter()
        .map(
            |(id, forename, surname, email, role, disabled_at)| StaffMember {
                teams: memberships.remove(&id).unwrap_or_default(),
                id,
                name: full_name(&forename, &surname),
                email,
                role,
                active: disabled_at.is_none(),
            },
        )
        .collect())
}

/// Every staff and administrator account with its teams, by surname. Councils have tens or
/// hundreds of staff, not millions, so this is one list.
pub async fn list(state: &AppState, _user: &Staff) -> Result<Vec<StaffMember>, ApiError> {
    state.database.run(|conn| Ok(members(conn, None)?)).await
}

fn one(conn: &mut DbConnection, id: &str) -> Result<StaffMember, ApiError> {
    members(conn, Some(id))?
        .into_iter()
        .next()
        .ok_or(ApiError::NotFound)
}

/// Puts a member of staff in exactly the teams named.
pub async fn set_teams(
    state: &AppState,
    user: &Administrator,
    account_id: AccountId,
    request: SetTeamsRequest,
) -> Result<StaffMember, ApiError> {
    let user = user.clone();
    state
        .database
        .write(move |conn| {
            one(conn, &account_id)?;
            teams::set_teams_of(conn, &account_id, &request.teams, timestamp())?;
            audit::record(
                conn,
                &user,
                Event::new(Action::Update, Subject::Account, &account_id, None),
            )?;
            one(conn, &account_id)
        })
        .await
}

/// Switches a staff account off: it can no longer sign in, and its sessions and the access
/// tokens already issued for them end now.
pub async fn switch_off(
    state: &AppState,
    user: &Administrator,
    account_id: AccountId,
) -> Result<StaffMember, ApiError> {
    if account_id.as_str() == user.account_id {
        return Err(ApiError::field("account", says("staff-own-account")));
    }
    let user = user.clone();
    let switched_off = state
        .database
        .write(move |conn| {
            one(conn, &account_id)?;
            let now = timestamp();
            diesel::update(
                accounts::table
                    .find(&account_id)
                    .filter(accounts::disabled_at.is_null()),
            )
            .set(accounts::disabled_at.eq(Some(now)))
            .execute(conn)?;
            super::sessions::revoke_all(conn, &account_id, now)?;
            audit::record(
                conn,
                &user,
                Event::new(Action::SwitchOff, Subject::Account, &account_id, None),
            )?;
            one(conn, &account_id)
        })
        .await;
    // Committed (or not): what this node remembered of live sessions is asked again.
    live::remembered::revoked();
    switched_off
}
