use actix_web::{HttpRequest, HttpResponse, web};
use shared::api::{CodeSent, SignInRequest};

use crate::accounts::limits::{Limited, client_address, limit_address};
use crate::accounts::sign_in;
use crate::error::ApiError;
use crate::routes::extract::Json;
use crate::state::AppState;

/// Sign-in step 1: email and password.
#[utoipa::path(
    post,
    path = "/api/v1/sign-in",
    tag = "accounts",
    operation_id = "start_sign_in",
    summary = "Sign in: check the password and email a code",
    description = "When the email address and password match an account, a 6-digit sign-in \
                   code valid for 10 minutes is emailed. A wrong password answers 401 without \
                   saying whether the address is registered. After 5 wrong passwords for one \
                   email address from one client address, that client waits a minute before \
                   trying it again, twice as long after each further failure, up to an hour \
                   (429 with `Retry-After`); other clients are not held back. Needs a solved \
                   bot check; no authentication.",
    request_body = SignInRequest,
    responses(
        (status = 202, description = "A sign-in code has been emailed.", body = CodeSent),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, description = "The email address and password do not match an account.",
         body = shared::api::Problem, content_type = "application/problem+json",
         example = json!({"type": "about:blank", "title": "Enter a correct email address and password",
             "status": 401, "code": "invalid_credentials",
             "errors": {"email": ["Enter a correct email address and password"],
                        "password": ["Enter a correct email address and password"]}})),
        (status = 422, response = crate::routes::problems::ValidationFailed),
        (status = 429, response = crate::routes::problems::TooManyAttempts),
    ),
    security(())
)]
pub async fn start_sign_in(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Json<SignInRequest>,
) -> Result<HttpResponse, ApiError> {
    let address = client_address(&state, &req);
    limit_address(&state, Limited::SignIn, address.clone()).await?;
    Ok(HttpResponse::Accepted().json(sign_in::start(&state, body.into_inner(), &address).await?))
}
