use actix_web::web;
use shared::api::AccountView;

use crate::accounts::Account;
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::state::AppState;

/// Who is signed in.
#[utoipa::path(
    get,
    path = "/api/v1/account",
    tag = "accounts",
    operation_id = "get_account",
    summary = "Get the signed-in account",
    description = "The name, email address and role of the account the access token belongs \
                   to; the browser shows the name top right with the account menu.",
    responses(
        (status = 200, description = "The account.", body = AccountView),
        (status = 401, response = crate::routes::problems::NotSignedIn),
    ),
    security(("bearer" = []))
)]
pub async fn get_account(
    state: web::Data<AppState>,
    user: CurrentUser,
) -> Result<web::Json<AccountView>, ApiError> {
    let account = state
        .database
        .run(move |conn| Ok::<_, ApiError>(Account::by_id(conn, &user.account_id)?))
        .await?
        .filter(Account::is_active)
        .ok_or(ApiError::Unauthorized)?;
    Ok(web::Json(account.view()))
}
