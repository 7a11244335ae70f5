use actix_web::{HttpRequest, HttpResponse, web};
use shared::api::{CodeSent, PasswordResetRequest};

use crate::accounts::limits::{Limited, client_address, limit_address};
use crate::accounts::password_reset;
use crate::error::ApiError;
use crate::routes::extract::Json;
use crate::state::AppState;

/// "Forgotten password?"
#[utoipa::path(
    post,
    path = "/api/v1/password-resets",
    tag = "accounts",
    operation_id = "request_password_reset",
    summary = "Ask for a password reset code",
    description = "Emails a 6-digit code, valid for 20 minutes, when the address has an \
                   account. The answer is the same either way. Needs a solved bot check; no \
                   authentication.",
    request_body = PasswordResetRequest,
    responses(
        (status = 202, description = "A code has been emailed, if the address has an account.", body = CodeSent),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 422, response = crate::routes::problems::ValidationFailed),
        (status = 429, response = crate::routes::problems::TooManyAttempts),
    ),
    security(())
)]
pub async fn request_password_reset(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Json<PasswordResetRequest>,
) -> Result<HttpResponse, ApiError> {
    limit_address(&state, Limited::PasswordReset, client_address(&state, &req)).await?;
    Ok(HttpResponse::Accepted().json(password_reset::request(&state, body.into_inner()).await?))
}
