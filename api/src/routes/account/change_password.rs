use actix_web::{HttpResponse, web};
use shared::api::ChangePasswordRequest;

use crate::accounts::profile;
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::routes::extract::Json;
use crate::state::AppState;

/// Changes the password of the signed-in account.
#[utoipa::path(
    post,
    path = "/api/v1/account/password",
    tag = "accounts",
    operation_id = "change_password",
    summary = "Change your password",
    description = "Needs the current password and a new one that meets the policy. Every other \
                   session of the account ends (this one goes on), and the owner is told by \
                   email. After 5 wrong current passwords the account waits before trying again, \
                   longer each time (429).",
    request_body = ChangePasswordRequest,
    responses(
        (status = 204, description = "The password has changed."),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 422, response = crate::routes::problems::ValidationFailed),
        (status = 429, response = crate::routes::problems::TooManyAttempts),
    ),
    security(("bearer" = []))
)]
pub async fn change_password(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: Json<ChangePasswordRequest>,
) -> Result<HttpResponse, ApiError> {
    profile::change_password(&state, &user, body.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
