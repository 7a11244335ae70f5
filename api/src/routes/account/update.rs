use actix_web::web;
use shared::api::{AccountView, ChangeNameRequest};

use crate::accounts::profile;
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::routes::extract::Json;
use crate::state::AppState;

/// Changes the account holder's name.
#[utoipa::path(
    patch,
    path = "/api/v1/account",
    tag = "accounts",
    operation_id = "update_account",
    summary = "Change your name",
    description = "Changes the forename and surname of the signed-in account.",
    request_body = ChangeNameRequest,
    responses(
        (status = 200, description = "The account, changed.", body = AccountView),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn update_account(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: Json<ChangeNameRequest>,
) -> Result<web::Json<AccountView>, ApiError> {
    Ok(web::Json(
        profile::change_name(&state, &user, body.into_inner()).await?,
    ))
}
