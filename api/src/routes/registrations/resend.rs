use actix_web::{HttpRequest, HttpResponse, web};
use shared::api::{CodeSent, ResendCodeRequest, validate_email_in};

use crate::accounts::limits::{Limited, client_address, limit_address};
use crate::accounts::registration;
use crate::error::ApiError;
use crate::routes::extract::Json;
use crate::state::AppState;

/// "Send a new code" during registration.
#[utoipa::path(
    post,
    path = "/api/v1/registrations/resend",
    tag = "accounts",
    operation_id = "resend_registration_code",
    summary = "Send a new verification code",
    description = "Emails a new code to an address whose registration is not yet verified, at \
                   most once every `resend_after_seconds`; the earlier code stops working. The \
                   answer is the same for every address. No authentication.",
    request_body = ResendCodeRequest,
    responses(
        (status = 202, description = "A new code has been emailed, if one was due.", body = CodeSent),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 422, response = crate::routes::problems::ValidationFailed),
        (status = 429, response = crate::routes::problems::TooManyAttempts),
    ),
    security(())
)]
pub async fn resend_registration_code(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Json<ResendCodeRequest>,
) -> Result<HttpResponse, ApiError> {
    let errors = validate_email_in(&body.email, crate::request_language::current());
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    limit_address(&state, Limited::ResendCode, client_address(&state, &req)).await?;
    Ok(HttpResponse::Accepted().json(registration::resend(&state, &body.email).await?))
}
