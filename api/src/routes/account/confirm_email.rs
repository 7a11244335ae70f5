use actix_web::web;
use shared::api::{AccountView, ConfirmEmailChangeRequest};

use crate::accounts::email_change;
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::routes::extract::Json;
use crate::state::AppState;

/// Finishes a change of email address.
#[utoipa::path(
    post,
    path = "/api/v1/account/email/verify",
    tag = "accounts",
    operation_id = "confirm_email_change",
    summary = "Change your email address: enter the code",
    description = "The code sent to the new address moves the account to it; the old address \
                   is told of the change. Each code allows 5 tries.",
    request_body = ConfirmEmailChangeRequest,
    responses(
        (status = 200, description = "The account, at its new address.", body = AccountView),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 422, response = crate::routes::problems::ValidationFailed),
        (status = 429, response = crate::routes::problems::TooManyAttempts),
    ),
    security(("bearer" = []))
)]
pub async fn confirm_email_change(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: Json<ConfirmEmailChangeRequest>,
) -> Result<web::Json<AccountView>, ApiError> {
    Ok(web::Json(
        email_change::confirm(&state, &user, body.into_inner()).await?,
    ))
}
