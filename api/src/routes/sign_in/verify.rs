use actix_web::{HttpRequest, HttpResponse, web};
use shared::api::{SessionCreated, VerifyCodeRequest};

use crate::accounts::limits::{Limited, client_address, limit_address};
use crate::accounts::{session, sign_in};
use crate::error::ApiError;
use crate::routes::extract::Json;
use crate::state::AppState;

/// Sign-in step 2: the emailed code.
#[utoipa::path(
    post,
    path = "/api/v1/sign-in/verify",
    tag = "accounts",
    operation_id = "finish_sign_in",
    summary = "Sign in: enter the emailed code",
    description = "Starts a session when the code is right: the access token is in the body, \
                   the refresh token in an HttpOnly, Secure, SameSite=Strict cookie. Each code \
                   allows 5 tries. No authentication.",
    request_body = VerifyCodeRequest,
    responses(
        (status = 201, description = "Signed in.", body = SessionCreated),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 422, response = crate::routes::problems::ValidationFailed),
        (status = 429, response = crate::routes::problems::TooManyAttempts),
    ),
    security(())
)]
pub async fn finish_sign_in(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Json<VerifyCodeRequest>,
) -> Result<HttpResponse, ApiError> {
    limit_address(&state, Limited::SignInCode, client_address(&state, &req)).await?;
    let request = body.into_inner();
    let errors = request.validate_in(crate::request_language::current());
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let started = sign_in::finish(&state, &request.email, &request.code).await?;
    session::respond(&state, started, true)
}
