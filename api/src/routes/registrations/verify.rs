use actix_web::{HttpRequest, HttpResponse, web};
use shared::api::{SessionCreated, VerifyCodeRequest};

use crate::accounts::limits::{Limited, client_address, limit_address};
use crate::accounts::{registration, session};
use crate::error::ApiError;
use crate::routes::extract::Json;
use crate::state::AppState;

/// Registration step 3: the emailed code.
#[utoipa::path(
    post,
    path = "/api/v1/registrations/verify",
    tag = "accounts",
    operation_id = "verify_registration",
    summary = "Verify a new account's email address",
    description = "Accepts the 6-digit code (with or without its space). Each code allows 5 \
                   tries; repeated failures lock the address for a while. On success the \
                   account is verified and signed in: the access token is in the body and the \
                   refresh token in an HttpOnly cookie. No authentication.",
    request_body = VerifyCodeRequest,
    responses(
        (status = 201, description = "Verified and signed in.", body = SessionCreated),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 422, response = crate::routes::problems::ValidationFailed),
        (status = 429, response = crate::routes::problems::TooManyAttempts),
    ),
    security(())
)]
pub async fn verify_registration(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Json<VerifyCodeRequest>,
) -> Result<HttpResponse, ApiError> {
    limit_address(
        &state,
        Limited::RegistrationCode,
        client_address(&state, &req),
    )
    .await?;
    let request = body.into_inner();
    let errors = request.validate_in(crate::request_language::current());
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let started = registration::verify(&state, &request.email, &request.code).await?;
    session::respond(&state, started, true)
}
