use actix_web::{HttpRequest, HttpResponse, web};
use shared::api::{CodeSent, RegistrationRequest};

use crate::accounts::limits::{Limited, client_address, limit_address};
use crate::accounts::registration;
use crate::error::ApiError;
use crate::routes::extract::Json;
use crate::state::AppState;

/// Registration step 2: names, email and password; a verification code is emailed.
#[utoipa::path(
    post,
    path = "/api/v1/registrations",
    tag = "accounts",
    operation_id = "create_registration",
    summary = "Register for an account",
    description = "Creates an unverified public account and emails a 6-digit verification code, \
                   valid for 20 minutes. The answer is the same when the address already has an \
                   account (its owner gets an email saying so), so the API never confirms who \
                   is registered. The password must meet the policy in `shared::rules`. Needs a \
                   solved bot check; no authentication.",
    request_body = RegistrationRequest,
    responses(
        (status = 202, description = "A code has been emailed (or the owner told they have an account).", body = CodeSent),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 422, response = crate::routes::problems::ValidationFailed),
        (status = 429, response = crate::routes::problems::TooManyAttempts),
    ),
    security(())
)]
pub async fn create_registration(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Json<RegistrationRequest>,
) -> Result<HttpResponse, ApiError> {
    limit_address(&state, Limited::Registration, client_address(&state, &req)).await?;
    let sent = registration::register(&state, body.into_inner()).await?;
    Ok(HttpResponse::Accepted().json(sent))
}
