use actix_web::{HttpRequest, HttpResponse, web};
use shared::api::PasswordResetCompletion;

use crate::accounts::limits::{Limited, client_address, limit_address};
use crate::accounts::password_reset;
use crate::error::ApiError;
use crate::routes::extract::Json;
use crate::state::AppState;

/// The code and the new password.
#[utoipa::path(
    post,
    path = "/api/v1/password-resets/complete",
    tag = "accounts",
    operation_id = "complete_password_reset",
    summary = "Set a new password with the emailed code",
    description = "Changes the password (which must meet the policy), ends every session of \
                   the account, and emails the owner that the password changed. Sign in \
                   afterwards: a valid code also lifts any wait on signing in from this \
                   client, and no wait on sign-in ever blocks this. No authentication.",
    request_body = PasswordResetCompletion,
    responses(
        (status = 204, description = "The password has changed; every session has ended."),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 422, response = crate::routes::problems::ValidationFailed),
        (status = 429, response = crate::routes::problems::TooManyAttempts),
    ),
    security(())
)]
pub async fn complete_password_reset(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Json<PasswordResetCompletion>,
) -> Result<HttpResponse, ApiError> {
    let address = client_address(&state, &req);
    limit_address(&state, Limited::PasswordResetCode, address.clone()).await?;
    password_reset::complete(&state, body.into_inner(), &address).await?;
    Ok(HttpResponse::NoContent().finish())
}
